using Trellis.Core.Advice;
using Trellis.Core.Crosswalk;
using Trellis.Core.Frameworks;
using Trellis.Testing;

namespace Trellis.Core.Tests.Advice;

/// <summary>The roadmap, planned over frameworks built from tests/reference/domain (facts), with links written here.</summary>
public class RoadmapPlannerTests
{
    private static readonly CrosswalkEngine Engine = ReferenceCatalogs.Engine(
        ("A.5.15", Relationship.SubsetOf, "CC6.1"),
        ("A.8.5", Relationship.Equal, "CC6.1"),
        ("A.5.1", Relationship.IntersectsWith, "CC5.3"),
        ("A.8.6", Relationship.SupersetOf, "A1.1"),
        ("9.2.1", Relationship.SubsetOf, "CC4.1"));

    private static Roadmap Plan(ServiceCommitments commitments = ServiceCommitments.None, params RequirementRef[] satisfied) =>
        RoadmapPlanner.Plan(Engine, commitments, satisfied.ToHashSet()).Value;

    private static RequirementRef Iso(string id) => new("iso27001-2022", id);

    private static RequirementRef Soc2(string id) => new("soc2-2017", id);

    [Fact]
    public void Steps_AreTheGuidesFourStepsInOrder()
    {
        Assert.Equal(GuideFacts.CombinedImplementationSteps(), RoadmapPlanner.Steps.Select(s => s.Guide));
        Assert.Equal([1, 2, 3, 4], RoadmapPlanner.Steps.Select(s => s.Number));
    }

    [Fact]
    public void Plan_Step1_SatisfiesEveryIsoClause()
    {
        var clauses = ReferenceData.Csv("iso27001-2022.csv").Where(r => r["theme"] == "clause").Select(r => Iso(r["id"])).ToList();

        var step1 = Plan().Tasks.Where(t => t.Step == 1).SelectMany(t => t.Satisfies).ToHashSet();

        Assert.Equal(30, clauses.Count);
        Assert.All(clauses, c => Assert.Contains(c, step1));
    }

    [Fact]
    public void Plan_Step1_HasATaskForEveryMandatoryDocumentedInformationItem()
    {
        var table = GuideFacts.MandatoryDocumentedInformationTable();
        var step1 = Plan().Tasks.Where(t => t.Step == 1).ToList();

        Assert.Equal(GuideFacts.MandatoryDocumentedInformationClauses, table.Select(r => r.Clause).Distinct());
        Assert.Equal(16, table.Count);
        Assert.All(table, row =>
        {
            var task = Assert.Single(step1, t => t.Basis.Contains($"§2.5 #{row.Item}:", StringComparison.Ordinal));
            Assert.Contains(Iso(row.Clause), task.Satisfies);
        });
    }

    [Fact]
    public void Plan_Tasks_AreOrderedByStepWithUniqueIdsAndSomethingToSatisfy()
    {
        var tasks = Plan(ServiceCommitments.Availability).Tasks;

        Assert.Equal(tasks.OrderBy(t => t.Step).Select(t => t.Id), tasks.Select(t => t.Id));
        Assert.Equal(tasks.Count, tasks.Select(t => t.Id).Distinct().Count());
        Assert.All(tasks, t => Assert.NotEmpty(t.Satisfies));
        Assert.All(tasks, t => Assert.False(string.IsNullOrWhiteSpace(t.Produces)));
        Assert.Equal([1, 2, 3, 4], tasks.Select(t => t.Step).Distinct());
    }

    [Fact]
    public void Plan_NoCommitments_PutsOnlySecurityInScope()
    {
        var securityCriteria = ReferenceData.Csv("soc2-tsc-2017.csv").Where(r => r["category"].StartsWith("Security", StringComparison.Ordinal))
            .Select(r => Soc2(r["id"])).ToList();

        var roadmap = Plan();

        Assert.Equal(["security"], roadmap.Categories);
        var step2 = Assert.Single(roadmap.Tasks, t => t.Step == 2);
        Assert.Equal("tsc-security", step2.Id);
        Assert.Equal(33, securityCriteria.Count);
        Assert.Equal(securityCriteria, step2.Satisfies);
    }

    [Fact]
    public void Plan_AvailabilityAndPrivacyCommitments_AddThoseCategories()
    {
        var roadmap = Plan(ServiceCommitments.Availability | ServiceCommitments.Privacy);

        Assert.Equal(["security", "availability", "privacy"], roadmap.Categories);
        Assert.Equal(["tsc-security", "tsc-availability", "tsc-privacy"], roadmap.Tasks.Where(t => t.Step == 2).Select(t => t.Id));
        Assert.Equal([Soc2("A1.1"), Soc2("A1.2"), Soc2("A1.3")], roadmap.Tasks.Single(t => t.Id == "tsc-availability").Satisfies);
        Assert.Equal(18, roadmap.Tasks.Single(t => t.Id == "tsc-privacy").Satisfies.Count);
    }

    [Fact]
    public void Plan_Reuse_TakesEqualSupersetAndSubsetLinksButNotIntersections()
    {
        var roadmap = Plan();

        Assert.Equal(
            [(Iso("9.2.1"), Soc2("CC4.1"), false), (Iso("A.5.15"), Soc2("CC6.1"), false), (Iso("A.8.5"), Soc2("CC6.1"), true)],
            roadmap.Reuse.Select(r => (r.Iso, r.Criterion, r.CountsFully)).OrderBy(r => r.Item2.Requirement, StringComparer.Ordinal));
        var cc61 = Assert.Single(roadmap.Tasks, t => t.Id == "reuse-cc6.1");
        Assert.Equal(3, cc61.Step);
        Assert.Equal([Iso("A.5.15"), Iso("A.8.5"), Soc2("CC6.1")], cc61.Satisfies);
        Assert.Contains("Counts fully for CC6.1: A.8.5", cc61.Produces, StringComparison.Ordinal);
        Assert.DoesNotContain(roadmap.Tasks, t => t.Id == "reuse-cc5.3");
        Assert.DoesNotContain(roadmap.Tasks, t => t.Id == "reuse-a1.1"); // availability not in scope
    }

    [Fact]
    public void Plan_ReuseWithAvailability_CountsASupersetLinkFully()
    {
        var a11 = Assert.Single(Plan(ServiceCommitments.Availability).Reuse, r => r.Criterion == Soc2("A1.1"));

        Assert.Equal(Iso("A.8.6"), a11.Iso);
        Assert.True(a11.CountsFully);
    }

    [Fact]
    public void Plan_Step4_SynchronizesAuditsThroughInternalAuditAndMonitoring()
    {
        var sync = Assert.Single(Plan().Tasks, t => t.Id == "sync-audits");

        Assert.Equal(4, sync.Step);
        Assert.Contains(Iso("9.2.2"), sync.Satisfies);
        Assert.Contains(Soc2("CC4.1"), sync.Satisfies);
        Assert.Contains("audit planner", sync.Produces, StringComparison.Ordinal);
        Assert.Contains("9.2.1 subset-of CC4.1", sync.Basis, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_NothingSatisfied_LeavesEveryTaskNotStarted()
    {
        Assert.All(Plan(ServiceCommitments.Privacy).Tasks, t => Assert.Equal(TaskProgress.NotStarted, t.Status));
        Assert.All(RoadmapPlanner.Plan(Engine, ServiceCommitments.None).Value.Tasks, t => Assert.Equal(TaskProgress.NotStarted, t.Status));
    }

    [Fact]
    public void Plan_SomeRequirementsSatisfied_MarksTasksInProgressOrDone()
    {
        var partly = Plan(ServiceCommitments.None, Iso("9.2.1"));
        var fully = Plan(ServiceCommitments.None, Iso("9.2.1"), Iso("9.2.2"));

        Assert.Equal(TaskProgress.InProgress, partly.Tasks.Single(t => t.Id == "isms-internal-audit").Status);
        Assert.Equal(TaskProgress.Done, fully.Tasks.Single(t => t.Id == "isms-internal-audit").Status);
        Assert.Equal(TaskProgress.InProgress, fully.Tasks.Single(t => t.Id == "sync-audits").Status); // CC4.1 still open
        Assert.Equal(TaskProgress.NotStarted, fully.Tasks.Single(t => t.Id == "isms-policy").Status);
    }

    [Theory]
    [InlineData(0, TaskProgress.NotStarted)]
    [InlineData(1, TaskProgress.InProgress)]
    [InlineData(2, TaskProgress.Done)]
    public void ProgressOf_CountsSatisfiedRequirements(int satisfiedCount, TaskProgress expected)
    {
        RequirementRef[] refs = [Iso("5.2"), Soc2("CC5.3")];

        Assert.Equal(expected, RoadmapPlanner.ProgressOf(refs, refs.Take(satisfiedCount).ToHashSet()));
    }

    [Fact]
    public void Plan_CatalogMissingAClause_IsAnErrorNamingIt()
    {
        var full = ReferenceCatalogs.Iso27001_2022();
        var iso = new Framework(full.Id, full.Name, full.Version, full.Requirements.Where(r => r.Id != "6.3").ToList());
        var engine = new CrosswalkEngine(new FrameworkCatalog([iso, ReferenceCatalogs.Soc2_2017()], []));

        var result = RoadmapPlanner.Plan(engine, ServiceCommitments.None);

        Assert.False(result.IsSuccess);
        Assert.Contains("'6.3'", result.Error!.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("availability,privacy", ServiceCommitments.Availability | ServiceCommitments.Privacy)]
    [InlineData("security, processing-integrity", ServiceCommitments.ProcessingIntegrity)]
    [InlineData("", ServiceCommitments.None)]
    [InlineData(null, ServiceCommitments.None)]
    public void ParseCategories_KnownNames_GiveTheirCommitments(string? text, ServiceCommitments expected)
    {
        Assert.Equal(expected, RoadmapWire.ParseCategories(text).Value);
    }

    [Fact]
    public void ParseCategories_UnknownName_IsAnErrorSuggestingTheNearest()
    {
        var error = RoadmapWire.ParseCategories("availability,confidentialty").Error!;

        Assert.Equal("unknown-category", error.Code);
        Assert.Contains("confidentiality", error.Message, StringComparison.Ordinal);
    }
}
