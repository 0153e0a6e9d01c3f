using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Trellis.Web.Auth;

namespace Trellis.Web.Tests.Security;

/// <summary>
/// Issue 14, hole J: <c>GET /api/v1/calendar?certificationDecision=9999-12-31</c> answered 500 (the planner's date
/// arithmetic overflowed DateOnly.MaxValue); so did soc2Start and the /calendar page. Dates outside 2000–2100 are a 400.
/// </summary>
public sealed class CalendarRangeTests
{
    [Theory]
    [InlineData("certificationDecision", "9999-12-31")]
    [InlineData("soc2Start", "9999-12-31")]
    [InlineData("certificationDecision", "0001-01-01")]
    [InlineData("soc2Start", "2101-01-01")]
    public async Task Calendar_DateOutsideThePlanningRange_Answers400ProblemNamingTheParameter(string parameter, string date)
    {
        using var db = TestDatabase.Create(Engine.Sqlite);
        await using var app = new WebFactory(db.Target);
        var client = await app.ClientAsAsync(Roles.ComplianceManager);

        var response = await client.GetAsync(new Uri($"/api/v1/calendar?{parameter}={date}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("date-out-of-range", problem.GetProperty("code").GetString());
        Assert.Equal(parameter, problem.GetProperty("location").GetString());
        Assert.Contains(date, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("2000-01-01 to 2100-12-31", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Calendar_LastDateOfThePlanningRange_IsPlanned()
    {
        using var db = TestDatabase.Create(Engine.Sqlite);
        await using var app = new WebFactory(db.Target);
        var client = await app.ClientAsAsync(Roles.ComplianceManager);

        var response = await client.GetAsync(new Uri("/api/v1/calendar?certificationDecision=2100-12-31&soc2Start=2100-12-31&years=10", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task CalendarPage_DateOutsideThePlanningRange_ShowsTheReasonWith400()
    {
        using var db = TestDatabase.Create(Engine.Sqlite);
        await using var app = new WebFactory(db.Target);
        var client = await app.ClientAsAsync(Roles.ComplianceManager);

        var response = await client.GetAsync(new Uri("/calendar?certificationDecision=9999-12-31", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("certificationDecision", html, StringComparison.Ordinal);
        Assert.Contains("outside the planning range", html, StringComparison.Ordinal);
    }
}
