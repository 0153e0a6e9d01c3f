using Microsoft.AspNetCore.Builder;
using Trellis.Web.Hosting;

// `dotnet run --project src/Trellis.Web -- --Trellis:Database=trellis.db`; `trellis serve` is the usual way in.
var builder = WebApplication.CreateBuilder(args);
builder.AddTrellisWeb();
var app = builder.Build();
app.UseTrellisWeb();
await app.RunAsync();

/// <summary>Entry point, visible to WebApplicationFactory in the tests.</summary>
internal partial class Program;
