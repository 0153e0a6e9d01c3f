using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Trellis.Web.Auth;

namespace Trellis.Web.Tests.Security;

/// <summary>
/// Issue 14, hole H: <c>PUT /api/v1/controls/{id}</c> with <c>ac-01</c>, <c>AC-01</c> + U+200B, a Cyrillic <c>АС-01</c>
/// and <c>"AC-01 "</c> created four more controls that all read "AC-01" beside the demo's AC-01.
/// </summary>
public sealed class IdSyntaxTests
{
    private static readonly object NewControl = new { title = "Look-alike", cadence = "annual", status = "planned", owner = "x@example.com" };

    [Theory]
    [InlineData("AC-01\u200B", "AC-01<U+200B>")]
    [InlineData("\u0410\u0421-01", "<U+0410><U+0421>-01")] // Cyrillic А and С
    [InlineData("AC-01 ", "AC-01 ")]
    [InlineData("-AC-01", "-AC-01")]
    [InlineData("AC:01", "AC:01")]
    public async Task PutControl_IdOutsideTheSyntax_Answers400InvalidIdNamingTheFieldAndTheRule(string id, string shown)
    {
        using var db = TestDatabase.Create(Engine.Sqlite);
        await using var app = new WebFactory(db.Target, demo: true);
        var manager = await app.ClientAsAsync(Roles.ComplianceManager);
        var before = await CountAsync(manager);

        var response = await manager.PutAsJsonAsync($"/api/v1/controls/{Uri.EscapeDataString(id)}", NewControl);

        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, problem.ToString());
        Assert.Equal("invalid-id", problem.GetProperty("code").GetString());
        Assert.Equal("id", problem.GetProperty("location").GetString());
        Assert.Equal($"control ID '{shown}' is not valid: use ASCII letters, digits, '-', '_' and '.', starting with a letter or digit, at most 64 characters", problem.GetProperty("detail").GetString());
        Assert.Equal(before, await CountAsync(manager));
    }

    [Fact]
    public async Task PutControl_IdDifferingOnlyInCase_Answers409DuplicateIdNamingTheExistingControl()
    {
        using var db = TestDatabase.Create(Engine.Sqlite);
        await using var app = new WebFactory(db.Target, demo: true);
        var manager = await app.ClientAsAsync(Roles.ComplianceManager);
        var before = await CountAsync(manager);

        var response = await manager.PutAsJsonAsync("/api/v1/controls/ac-01", NewControl);

        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(response.StatusCode == HttpStatusCode.Conflict, problem.ToString());
        Assert.Equal("duplicate-id", problem.GetProperty("code").GetString());
        Assert.Contains("the existing control 'AC-01'", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(before, await CountAsync(manager));
    }

    [Fact]
    public async Task PutControl_NewIdInTheSyntax_IsCreated()
    {
        using var db = TestDatabase.Create(Engine.Sqlite);
        await using var app = new WebFactory(db.Target, demo: true);
        var manager = await app.ClientAsAsync(Roles.ComplianceManager);

        var response = await manager.PutAsJsonAsync("/api/v1/controls/ZZ_9.1-b", NewControl);

        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task PutRisk_IdDifferingOnlyInCase_Answers409DuplicateId()
    {
        using var db = TestDatabase.Create(Engine.Sqlite);
        await using var app = new WebFactory(db.Target, demo: true);
        var manager = await app.ClientAsAsync(Roles.ComplianceManager);

        var response = await manager.PutAsJsonAsync("/api/v1/risks/r-01", new { title = "Look-alike", treatment = "modify" });

        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(response.StatusCode == HttpStatusCode.Conflict, problem.ToString());
        Assert.Equal("duplicate-id", problem.GetProperty("code").GetString());
        Assert.Contains("'R-01'", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    private static async Task<int> CountAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<JsonElement>(new Uri("/api/v1/controls?pageSize=500", UriKind.Relative))).GetProperty("total").GetInt32();
}
