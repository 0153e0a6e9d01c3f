using Trellis.Content.Policies;
using Trellis.Core.Frameworks;
using Trellis.Testing;

namespace Trellis.Content.Tests.Policies;

/// <summary>The starter policies: the eight the issue names, each a useful template mapped to requirements that exist.</summary>
public class PolicyTemplatesTests
{
    [Fact]
    public void All_TheEightStarterPolicies()
    {
        Assert.Equal(
            ["information-security", "access-control", "acceptable-use", "incident-response", "change-management", "supplier-security", "business-continuity", "data-classification"],
            PolicyTemplates.All.Select(t => t.Name));
    }

    [Fact]
    public void Requirements_EveryIdIsInTheReferenceLists()
    {
        var iso = ReferenceData.Csv("iso27001-2022.csv").Select(r => r["id"]).ToHashSet(StringComparer.Ordinal);
        var soc = ReferenceData.Csv("soc2-tsc-2017.csv").Select(r => r["id"]).ToHashSet(StringComparer.Ordinal);
        foreach (var t in PolicyTemplates.All)
        {
            foreach (var r in t.Requirements)
            {
                var known = r.Framework == FrameworkIds.Iso27001v2022 ? iso : r.Framework == FrameworkIds.Soc2v2017 ? soc : [];
                Assert.True(known.Contains(r.Requirement), $"{t.Name}: {r} is not in the reference list");
            }

            Assert.Contains(t.Requirements, r => r.Framework == FrameworkIds.Iso27001v2022);
            Assert.Contains(t.Requirements, r => r.Framework == FrameworkIds.Soc2v2017);
        }
    }

    [Fact]
    public void InformationSecurity_MapsToA51AndCC53()
    {
        var t = PolicyTemplates.Find("Information-Security")!;

        Assert.Contains(t.Requirements, r => r.ToString() == "iso27001-2022:A.5.1");
        Assert.Contains(t.Requirements, r => r.ToString() == "soc2-2017:CC5.3");
    }

    [Fact]
    public void Body_EveryTemplateHasPurposeScopeRolesRulesReview()
    {
        foreach (var t in PolicyTemplates.All)
        {
            foreach (var heading in new[] { "## Purpose", "## Scope", "## Roles", "## Rules", "## Review" })
            {
                Assert.True(t.Body.Contains(heading, StringComparison.Ordinal), $"{t.Name} lacks {heading}");
            }
        }
    }
}
