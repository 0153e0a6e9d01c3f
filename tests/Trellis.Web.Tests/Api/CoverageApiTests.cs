using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Trellis.Web.Auth;

namespace Trellis.Web.Tests.Api;

/// <summary><c>/api/v1/coverage</c>: the <c>implemented</c> parameter read by the same parser as <c>trellis coverage</c>.</summary>
public sealed class CoverageApiTests
{
    [Theory]
    [InlineData("iso27001-2022:", "no requirement")]
    [InlineData(":A.5.15", "no framework")]
    public async Task Coverage_ImplementedWithAnEmptyPart_IsA400NamingTheParameter(string implemented, string missing)
    {
        using var db = TestDatabase.Create(Engine.Sqlite);
        await using var app = new WebFactory(db.Target);
        var viewer = await app.ClientAsAsync(Roles.Viewer);

        var response = await viewer.GetAsync(new Uri($"/api/v1/coverage?target=soc2-2017&implemented={Uri.EscapeDataString(implemented)}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("invalid-implemented", problem.GetProperty("code").GetString());
        Assert.Equal("implemented", problem.GetProperty("location").GetString());
        Assert.Contains(missing, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Coverage_SomeIdsImplemented_CountsOnlyThose()
    {
        using var db = TestDatabase.Create(Engine.Sqlite);
        await using var app = new WebFactory(db.Target);
        var viewer = await app.ClientAsAsync(Roles.Viewer);

        var all = await viewer.GetFromJsonAsync<JsonElement>(new Uri("/api/v1/coverage?target=iso27001-2022&implemented=iso27001-2022", UriKind.Relative));
        var two = await viewer.GetFromJsonAsync<JsonElement>(new Uri("/api/v1/coverage?target=iso27001-2022&implemented=iso27001-2022:A.5.15,%20A.8.5", UriKind.Relative));

        // Coverage of a framework from itself is identity: every requirement (123) from all of it, just the two named.
        Assert.Equal(123, all.EnumerateArray().Count(c => c.GetProperty("coverage").GetString() == "full"));
        Assert.Equal(["A.5.15", "A.8.5"], two.EnumerateArray().Where(c => c.GetProperty("coverage").GetString() == "full").Select(c => c.GetProperty("id").GetString()));
    }
}
