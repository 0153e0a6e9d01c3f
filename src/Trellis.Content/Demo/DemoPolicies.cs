using Trellis.Content.Policies;
using Trellis.Core.Policies;

namespace Trellis.Content.Demo;

/// <summary>
/// The demo company's policies: every starter policy adopted; all but one approved by the CEO and the CISO, published
/// about two months ago and acknowledged by some staff; the business continuity policy waits for the CTO's approval.
/// </summary>
public static class DemoPolicies
{
    /// <summary>The people who acknowledged the published policies (the others have not yet).</summary>
    public static IReadOnlyList<string> Acknowledgers { get; } = [DemoPeople.Ciso, DemoPeople.It, DemoPeople.Sre, DemoPeople.People];

    /// <summary>The policies as of <paramref name="now"/>; the organization's name is put into the templates.</summary>
    public static IReadOnlyList<Policy> Create(DateTimeOffset now, string organization)
    {
        var list = new List<Policy>();
        var drafted = now.AddDays(-75);
        foreach (var t in PolicyTemplates.All)
        {
            var p = new Policy
            {
                Id = t.Name,
                Title = t.Title,
                Owner = t.Name is "change-management" or "business-continuity" ? DemoPeople.Cto : DemoPeople.Ciso,
                Requirements = t.Requirements,
                Template = t.Name,
                Versions = [new PolicyVersion { Number = 1, Body = t.Body.Replace("{{organization}}", organization, StringComparison.Ordinal), Author = DemoPeople.Compliance, Created = drafted }],
            };
            if (t.Name == "business-continuity")
            {
                p = PolicyLifecycle.Submit(p, 1, [DemoPeople.Ceo, DemoPeople.Cto]).Value;
                p = PolicyLifecycle.Approve(p, 1, DemoPeople.Ceo, now.AddDays(-3)).Value;
                list.Add(p);
                continue;
            }

            p = PolicyLifecycle.Submit(p, 1, [DemoPeople.Ceo, DemoPeople.Ciso]).Value;
            p = PolicyLifecycle.Approve(p, 1, DemoPeople.Ciso, now.AddDays(-62)).Value;
            p = PolicyLifecycle.Approve(p, 1, DemoPeople.Ceo, now.AddDays(-61)).Value;
            p = PolicyLifecycle.Publish(p, 1, now.AddDays(-60)).Value;
            var day = 0;
            foreach (var person in Acknowledgers.Take(t.Name == "acceptable-use" ? 2 : Acknowledgers.Count))
            {
                p = PolicyLifecycle.Acknowledge(p, person, now.AddDays(-58 + day++)).Value;
            }

            list.Add(p);
        }

        return list;
    }
}
