using System.Net;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Trellis.Web.Auth;

namespace Trellis.Web.Tests.Security;

/// <summary>
/// Every endpoint the app maps, checked against every role. The matrix below is the specification: an endpoint
/// missing from it (a new endpoint nobody classified) fails, and so does any role that gets more or less access
/// than it says.
/// </summary>
public sealed class EndpointMatrixTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    private const string Anonymous = "anonymous";
    private static readonly string[] Everyone = [Roles.Admin, Roles.ComplianceManager, Roles.ControlOwner, Roles.Viewer, Roles.Auditor];
    private static readonly string[] Staff = [Roles.Admin, Roles.ComplianceManager, Roles.ControlOwner, Roles.Viewer];
    private static readonly string[] Editors = [Roles.Admin, Roles.ComplianceManager, Roles.ControlOwner];
    private static readonly string[] Managers = [Roles.Admin, Roles.ComplianceManager];
    private static readonly string[] AdminOnly = [Roles.Admin];
    private static readonly string[] Reviewers = [Roles.Admin, Roles.ComplianceManager, Roles.Auditor];
    private static readonly string[] Commenters = [Roles.Admin, Roles.ComplianceManager, Roles.ControlOwner, Roles.Auditor];
    private static readonly string[] Public = [Anonymous, .. Everyone];

    /// <summary>METHOD route pattern → who may use it.</summary>
    public static readonly Dictionary<string, string[]> Expected = new(StringComparer.Ordinal)
    {
        ["GET /healthz"] = Public,
        ["GET /openapi/{documentName}.json"] = Everyone,
        ["GET /scalar/{documentName?}"] = Everyone,
        // Scalar's own script and icon: static, public files.
        ["GET /scalar/scalar.js"] = Public,
        ["GET /scalar/scalar.aspnetcore.js"] = Public,
        ["GET /scalar/favicon.svg"] = Public,
        ["GET /api/v1/frameworks/"] = Everyone,
        ["GET /api/v1/frameworks/{id}"] = Everyone,
        ["GET /api/v1/frameworks/{id}/requirements"] = Everyone,
        ["GET /api/v1/frameworks/{id}/requirements/{requirementId}"] = Everyone,
        ["GET /api/v1/crosswalk"] = Everyone,
        ["GET /api/v1/coverage"] = Everyone,
        ["GET /api/v1/readiness/"] = Everyone,
        ["GET /api/v1/readiness/{framework}"] = Everyone,
        ["GET /api/v1/readiness/{framework}/history"] = Everyone,
        ["GET /api/v1/search"] = Everyone,
        ["GET /api/v1/program/frameworks"] = Everyone,
        ["PUT /api/v1/program/frameworks"] = Managers,
        ["GET /api/v1/tasks/"] = Staff,
        ["GET /api/v1/tasks/{id}"] = Staff,
        ["POST /api/v1/tasks/{id}/complete"] = Editors,
        ["POST /api/v1/tasks/{id}/reassign"] = Editors,
        ["POST /api/v1/tasks/{id}/snooze"] = Editors,
        ["POST /api/v1/tasks/{id}/did-not-occur"] = Editors,
        ["GET /api/v1/notifications/"] = Everyone,
        ["POST /api/v1/notifications/read"] = Everyone,
        ["GET /api/v1/notifications/settings"] = Everyone,
        ["PUT /api/v1/notifications/settings"] = Everyone,
        ["GET /api/v1/policies/"] = Everyone,
        ["GET /api/v1/policies/templates"] = Staff,
        ["GET /api/v1/policies/{id}"] = Everyone,
        ["GET /api/v1/policies/{id}/pdf"] = Everyone,
        ["POST /api/v1/policies/"] = Managers,
        ["PATCH /api/v1/policies/{id}"] = Managers,
        ["PUT /api/v1/policies/{id}/draft"] = Managers,
        ["POST /api/v1/policies/{id}/versions"] = Managers,
        ["POST /api/v1/policies/{id}/submit"] = Managers,
        ["POST /api/v1/policies/{id}/approve"] = Staff,
        ["POST /api/v1/policies/{id}/publish"] = Managers,
        ["POST /api/v1/policies/{id}/acknowledge"] = Staff,
        ["GET /api/v1/people/"] = Managers,
        ["GET /api/v1/people/{email}"] = Managers,
        ["DELETE /api/v1/people/{email}"] = Managers,
        ["GET /api/v1/vendors/"] = Staff,
        ["GET /api/v1/vendors/{id}"] = Staff,
        ["POST /api/v1/vendors/{id}/review"] = Managers,
        ["POST /api/v1/people/"] = Managers,
        ["PUT /api/v1/people/{email}"] = Managers,
        ["PATCH /api/v1/people/{email}"] = Managers,
        ["POST /api/v1/people/{email}/offboarding"] = Managers,
        ["POST /api/v1/people/attestations"] = Managers,
        ["POST /api/v1/vendors/"] = Managers,
        ["PUT /api/v1/vendors/{id}"] = Managers,
        ["PUT /api/v1/vendors/{id}/assurance"] = Managers,
        ["PUT /api/v1/vendors/{id}/subservice"] = Managers,
        ["DELETE /api/v1/vendors/{id}/subservice"] = Managers,
        ["GET /api/v1/controls/"] = Everyone,
        ["GET /api/v1/controls/{id}"] = Everyone,
        ["POST /api/v1/controls/"] = Editors,
        ["PUT /api/v1/controls/{id}"] = Editors,
        ["DELETE /api/v1/controls/{id}"] = Editors,
        ["GET /api/v1/evidence/"] = Everyone,
        ["GET /api/v1/evidence/{id}"] = Everyone,
        ["POST /api/v1/evidence/"] = Editors,
        ["POST /api/v1/evidence/{id}/versions"] = Editors,
        ["GET /api/v1/evidence/{id}/versions/{number:int}/content"] = Everyone,
        ["GET /api/v1/risks/"] = Everyone,
        ["GET /api/v1/risks/{id}"] = Everyone,
        ["PUT /api/v1/risks/{id}"] = Managers,
        ["DELETE /api/v1/risks/{id}"] = Managers,
        ["GET /api/v1/soa/"] = Everyone,
        ["GET /api/v1/soa/{control}"] = Everyone,
        ["PUT /api/v1/soa/{control}"] = Managers,
        ["POST /api/v1/soa/approval"] = Managers,
        ["GET /api/v1/judgements/"] = Everyone,
        ["PUT /api/v1/judgements/{framework}/{requirement}"] = Managers,
        ["DELETE /api/v1/judgements/{framework}/{requirement}"] = Managers,
        ["GET /api/v1/calendar"] = Staff,
        ["GET /api/v1/engagements/"] = Everyone,
        ["GET /api/v1/engagements/{id}"] = Everyone,
        ["POST /api/v1/engagements/"] = Managers,
        ["PUT /api/v1/engagements/{id}"] = Managers,
        ["GET /api/v1/engagements/{id}/ledger"] = Everyone,
        ["GET /api/v1/engagements/{id}/findings"] = Everyone,
        ["GET /api/v1/engagements/{id}/reports/{kind}"] = Everyone,
        ["GET /api/v1/engagements/{id}/requests"] = Everyone,
        ["POST /api/v1/engagements/{id}/requests"] = Reviewers,
        ["GET /api/v1/requests/{id}/"] = Everyone,
        ["GET /api/v1/engagements/{id}/samples"] = Everyone,
        ["POST /api/v1/engagements/{id}/samples"] = Reviewers,
        ["GET /api/v1/engagements/{id}/populations"] = Everyone,
        ["POST /api/v1/engagements/{id}/package"] = Managers,
        ["GET /api/v1/engagements/{id}/package"] = Everyone,
        ["POST /api/v1/engagements/{id}/populations"] = Managers,
        ["GET /api/v1/engagements/{id}/reuse"] = Managers,
        ["POST /api/v1/engagements/{id}/reuse"] = Managers,
        ["POST /api/v1/requests/{id}/assign"] = Managers,
        ["POST /api/v1/requests/{id}/answer"] = Editors,
        ["POST /api/v1/requests/{id}/accept"] = Reviewers,
        ["POST /api/v1/requests/{id}/flag"] = Reviewers,
        ["POST /api/v1/requests/{id}/comments"] = Commenters,
        ["GET /api/v1/requests"] = Everyone,
        ["GET /api/v1/findings"] = Everyone,
        ["GET /api/v1/findings/{id}"] = Everyone,
        ["POST /api/v1/findings"] = Managers,
        ["POST /api/v1/findings/{id}/steps"] = Managers,
        ["GET /api/v1/reports/{kind}"] = Staff,
        ["GET /api/v1/engagements/{id}/bridge-letter"] = Staff,
        ["GET /api/v1/oscal/{kind}"] = Staff,
        ["GET /api/v1/me"] = Everyone,
        ["GET /api/v1/tokens/"] = Everyone,
        ["POST /api/v1/tokens/"] = Everyone,
        ["DELETE /api/v1/tokens/{id:long}"] = Everyone,
        ["GET /api/v1/accounts/"] = AdminOnly,
        ["POST /api/v1/accounts/"] = AdminOnly,
        ["PUT /api/v1/accounts/{id}/role"] = AdminOnly,
        ["POST /api/v1/accounts/{id}/disable"] = AdminOnly,
        ["POST /api/v1/accounts/{id}/enable"] = AdminOnly,
        ["POST /api/v1/accounts/invitations"] = AdminOnly,
        ["POST /api/v1/accounts/{id}/invitation"] = AdminOnly,
        ["PUT /api/v1/accounts/{id}/expiry"] = AdminOnly,
        ["PUT /api/v1/accounts/{id}/scope"] = AdminOnly,
        ["POST /api/v1/accounts/{id}/revoke"] = AdminOnly,
        ["GET /api/v1/audit-log/"] = Managers,
        ["GET /api/v1/audit-log/verify"] = Managers,
        ["GET /account/login"] = Public,
        ["POST /account/login"] = Public,
        ["GET /account/logout"] = Public,
        ["POST /account/logout"] = Public,
        ["GET /account/invite"] = Public,
        ["POST /account/invite"] = Public,
        ["GET /readiness/{framework}"] = Everyone,
        ["POST /readiness/{framework}"] = Everyone,
        ["GET /frameworks/{id?}"] = Everyone,
        ["POST /frameworks/{id?}"] = Everyone,
        ["GET /crosswalk"] = Everyone,
        ["POST /crosswalk"] = Everyone,
        ["GET /controls"] = Everyone,
        ["POST /controls"] = Everyone,
        ["GET /controls/{id}"] = Everyone,
        ["POST /controls/{id}"] = Everyone,
        ["GET /controls/{id}/edit"] = Editors,
        ["POST /controls/{id}/edit"] = Editors,
        // A control owner passes the page's policy but may not create: the page refuses GET, antiforgery answers the bare POST.
        ["GET /controls/new"] = Managers,
        ["POST /controls/new"] = Editors,
        ["GET /evidence"] = Everyone,
        ["POST /evidence"] = Everyone,
        ["GET /evidence/upload"] = Editors,
        ["POST /evidence/upload"] = Editors,
        ["GET /risks"] = Everyone,
        ["POST /risks"] = Everyone,
        ["GET /risks/{id}/edit"] = Managers,
        ["POST /risks/{id}/edit"] = Managers,
        ["GET /risks/new"] = Managers,
        ["POST /risks/new"] = Managers,
        ["GET /soa"] = Everyone,
        ["POST /soa"] = Everyone,
        ["GET /soa/{control}"] = Managers,
        ["POST /soa/{control}"] = Managers,
        ["GET /account/tokens"] = Everyone,
        ["POST /account/tokens"] = Everyone,
        ["GET /admin/audit-log"] = Managers,
        ["POST /admin/audit-log"] = Managers,
        ["GET /admin/accounts"] = AdminOnly,
        ["POST /admin/accounts"] = AdminOnly,
        ["GET /advice"] = Staff,
        ["POST /advice"] = Staff,
        ["GET /calendar"] = Staff,
        ["GET /compare"] = Staff,
        ["POST /compare"] = Staff,
        ["GET /roadmap"] = Staff,
        ["GET /reports"] = Staff,
        ["POST /reports"] = Staff,
        ["GET /reports/bridge-letter"] = Staff,
        ["POST /reports/bridge-letter"] = Staff,
        ["POST /roadmap"] = Staff,
        ["GET /engagements"] = Everyone,
        ["POST /engagements"] = Everyone,
        ["GET /engagements/{id}"] = Everyone,
        ["POST /engagements/{id}"] = Everyone,
        ["GET /engagements/new"] = Managers,
        ["POST /engagements/new"] = Managers,
        ["GET /findings"] = Everyone,
        ["POST /findings"] = Everyone,
        ["GET /findings/{id}"] = Everyone,
        ["POST /findings/{id}"] = Everyone,
        ["GET /tasks"] = Staff,
        ["POST /tasks"] = Staff,
        ["GET /people"] = Managers,
        ["POST /people"] = Managers,
        ["GET /vendors"] = Staff,
        ["POST /vendors"] = Staff,
        ["GET /vendors/{id}"] = Staff,
        ["POST /vendors/{id}"] = Staff,
        ["GET /policies"] = Everyone,
        ["POST /policies"] = Everyone,
        ["GET /policies/{id}"] = Everyone,
        ["POST /policies/{id}"] = Everyone,
        ["GET /notifications"] = Everyone,
        ["POST /notifications"] = Everyone,
        ["GET /requests"] = Everyone,
        ["GET /requests/{id}"] = Everyone,
        ["POST /requests/{id}"] = Everyone,
        ["POST /requests"] = Everyone,
        ["POST /calendar"] = Staff,
        ["GET /search"] = Everyone,
        ["POST /search"] = Everyone,
        ["GET /settings/frameworks"] = Managers,
        ["POST /settings/frameworks"] = Managers,
        ["GET /error/{code:int}"] = Public,
        ["POST /error/{code:int}"] = Public,
        ["GET /"] = Everyone,
        ["POST /"] = Everyone,
    };

    private static readonly Dictionary<string, string> SampleValues = new(StringComparer.Ordinal)
    {
        ["{id:long}"] = "999999",
        ["{id}"] = "iso27001-2022",
        ["{id?}"] = "iso27001-2022",
        ["{requirementId}"] = "A.5.15",
        ["{documentName}"] = "v1",
        ["{framework}"] = "iso27001-2022",
        ["{control}"] = "A.5.1",
        ["{requirement}"] = "A.5.1",
        ["{number:int}"] = "1",
        ["{documentName?}"] = "v1",
        ["{kind}"] = "component",
        ["{code:int}"] = "404",
        ["{email}"] = "nobody@example.com",
    };

    [Fact]
    public void Endpoints_EveryMappedEndpoint_IsInTheMatrix()
    {
        var mapped = MappedEndpoints().Select(e => e.Key).ToHashSet(StringComparer.Ordinal);
        Assert.Empty(mapped.Except(Expected.Keys).Order(StringComparer.Ordinal));
        Assert.Empty(Expected.Keys.Except(mapped).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Endpoints_EveryEndpoint_NamesAPolicyOrIsExplicitlyAnonymous()
    {
        var policies = Policies.RolesOf.Keys.ToHashSet(StringComparer.Ordinal);
        foreach (var (key, endpoint) in MappedEndpoints())
        {
            var anonymous = endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null;
            var named = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Any(a => a.Policy is not null && policies.Contains(a.Policy));
            Assert.True(anonymous || named, $"{key} names no Trellis policy and is not marked anonymous");
        }
    }

    [Fact]
    public async Task Endpoints_EachRole_GetsExactlyTheAccessTheMatrixGives()
    {
        var wrong = new List<string>();
        foreach (var (key, _) in MappedEndpoints())
        {
            var (method, pattern) = (key[..key.IndexOf(' ', StringComparison.Ordinal)], key[(key.IndexOf(' ', StringComparison.Ordinal) + 1)..]);
            var path = SampleValues.Aggregate(pattern, (p, kv) => p.Replace(kv.Key, kv.Value, StringComparison.Ordinal));
            foreach (var (who, client) in app.Clients)
            {
                using var request = new HttpRequestMessage(new HttpMethod(method), path);
                if (method is "POST" or "PUT" or "PATCH")
                {
                    request.Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json");
                }

                using var response = await client.SendAsync(request);
                var allowed = !(response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden
                    || (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.OriginalString.Contains("/account/login", StringComparison.Ordinal) == true));
                if (allowed != Expected[key].Contains(who))
                {
                    wrong.Add($"{key} as {who}: {(int)response.StatusCode}, expected {(Expected[key].Contains(who) ? "allowed" : "refused")}");
                }
            }
        }

        Assert.True(wrong.Count == 0, string.Join(Environment.NewLine, wrong));
    }

    private IEnumerable<(string Key, RouteEndpoint Endpoint)> MappedEndpoints()
    {
        var sources = app.Factory.Services.GetRequiredService<EndpointDataSource>();
        foreach (var endpoint in sources.Endpoints.OfType<RouteEndpoint>())
        {
            // Razor Pages carry no method metadata: each is checked with GET and POST (its handlers decide the rest).
            var methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET", "POST"];
            foreach (var method in methods)
            {
                yield return ($"{method} /{endpoint.RoutePattern.RawText!.TrimStart('/')}", endpoint);
            }
        }
    }
}
