using Trellis.Core.Crosswalk;
using Trellis.Core.Evidence;
using Trellis.Core.Program;
using Trellis.Core.Readiness;
using Trellis.Data.Tests.Infrastructure;
using Trellis.Testing;

namespace Trellis.Data.Tests;

/// <summary>
/// Readiness from the database's aggregates (<see cref="ProgramStore.LoadReadinessAsync"/>) against readiness from the
/// whole program as loaded (<see cref="ProgramStore.LoadAsync"/>, the reference: what readiness computed before issue 18).
/// </summary>
public sealed class ReadinessViewTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    private static readonly string[] Iso = [.. Enumerable.Range(1, 37).Select(i => $"A.5.{i}"), .. Enumerable.Range(1, 34).Select(i => $"A.8.{i}")];
    private static readonly string[] Soc2 = [.. Enumerable.Range(1, 8).Select(i => $"CC6.{i}"), .. Enumerable.Range(1, 5).Select(i => $"CC7.{i}"), "CC8.1", "A1.2"];
    private static readonly Cadence[] AllCadences = Enum.GetValues<Cadence>();
    private static readonly DateOnly Base = new(2024, 3, 31);

    // Month ends, a leap day and a day inside a month: the cadences' periods are calendar months and years.
    public static TheoryData<DatabaseProvider, string> Days() => new()
    {
        { DatabaseProvider.Sqlite, "2024-02-29" },
        { DatabaseProvider.Sqlite, "2024-03-31" },
        { DatabaseProvider.Sqlite, "2024-06-17" },
        { DatabaseProvider.Postgres, "2024-02-29" },
        { DatabaseProvider.Postgres, "2024-03-31" },
        { DatabaseProvider.Postgres, "2024-06-17" },
    };

    [SkippableTheory, MemberData(nameof(Days))]
    public async Task LoadReadinessAsync_GeneratedProgram_SameReadinessAsTheWholeProgram(DatabaseProvider provider, string day)
    {
        var today = DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture);
        var database = await fixture.OpenAsync(provider);
        var store = new ProgramStore(database);
        var program = Generated(controls: 48, evidence: 600);
        Assert.True((await store.ReplaceAsync(TestAudit.Record, program, new Dictionary<string, byte[]>())).IsSuccess);
        var engine = ReferenceCatalogs.Engine(("A.5.15", Relationship.Equal, "CC6.1"), ("A.8.13", Relationship.SupersetOf, "A1.2"), ("A.8.16", Relationship.IntersectsWith, "CC7.2"));
        var policy = new FreshnessPolicy();

        var whole = await store.LoadAsync();
        var view = await store.LoadReadinessAsync(today, policy);

        var expectedStates = ControlState.Index(whole, today, policy);
        DeepAssert.Equal(whole.Controls.Select(c => expectedStates[c.Id]).ToList(), view.Program.Controls.Select(c => view.States[c.Id]).ToList(), "states");
        DeepAssert.Equal(Judgements.CheckAll(whole, expectedStates), Judgements.CheckAll(view.Program, view.States), "judgements");
        foreach (var (framework, from) in new (string, string?)[] { ("iso27001-2022", null), ("soc2-2017", null), ("soc2-2017", "iso27001-2022") })
        {
            var expected = ReadinessAnalysis.Compute(whole, engine, framework, today, policy, from);
            var actual = ReadinessAnalysis.Compute(view.Program, view.States, engine, framework, today, from);
            DeepAssert.Equal(expected.Value, actual.Value, $"{framework} from {from}");
        }

        // The program exercises every case the aggregates must get right, so the equality above is not vacuous.
        var freshness = expectedStates.Values.Select(s => s.Freshness).ToHashSet();
        Assert.Equal(new[] { FreshnessState.Fresh, FreshnessState.Stale, FreshnessState.Missing }, freshness.Order().ToArray());
        Assert.Contains(whole.Evidence, e => e.Versions[^1].EffectiveEnd < e.Versions.Max(v => v.EffectiveEnd));
        Assert.Contains(whole.Evidence, e => e.Versions.Any(v => v.EffectiveFrom > today));
        Assert.Contains(Judgements.CheckAll(whole, expectedStates), j => !j.Active && j.LapsedBecause.Any(r => r.Contains("no longer exists", StringComparison.Ordinal)));
        Assert.Contains(expectedStates.Values, s => s.FreshEvidence.Count > 1);
    }

    [SkippableTheory, DatabaseData]
    public async Task LoadReadinessAsync_50Or3000Evidence_IssuesTheSameTenQueries(DatabaseProvider provider)
    {
        var small = await CountQueries(provider, Generated(controls: 20, evidence: 50));
        var large = await CountQueries(provider, Generated(controls: 20, evidence: 3_000));

        Assert.Equal(small, large);
        Assert.Equal(10, small); // settings, controls, mappings, SoA, judgements, the named evidence (3), fresh links, latest ends
    }

    [Theory]
    [InlineData("2024-02-29")]
    [InlineData("2024-03-31")]
    [InlineData("2025-01-01")]
    public void EarliestFreshEnd_EveryCadenceAndEnd_NoFreshEvidenceEndsBeforeIt(string day)
    {
        var today = DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture);
        var policy = new FreshnessPolicy();
        foreach (var cadence in AllCadences)
        {
            var bound = ProgramStore.EarliestFreshEnd(cadence, today, policy);
            for (var end = today.AddDays(-800); end <= today; end = end.AddDays(1))
            {
                if (policy.Judge(cadence, end, today) == FreshnessState.Fresh)
                {
                    Assert.True(end >= bound, $"{cadence}: {end} is fresh on {today} but before the bound {bound}");
                }
            }
        }
    }

    private async Task<long> CountQueries(DatabaseProvider provider, ComplianceProgram program)
    {
        var database = await fixture.OpenAsync(provider);
        var store = new ProgramStore(database);
        Assert.True((await store.ReplaceAsync(TestAudit.Record, program, new Dictionary<string, byte[]>())).IsSuccess);
        database.Queries.Reset();

        var view = await store.LoadReadinessAsync(Base, new FreshnessPolicy());

        Assert.Equal(program.Controls.Count, view.States.Count);
        return database.Queries.Count;
    }

    /// <summary>
    /// A seeded program: every cadence and status, evidence with one to four versions whose periods are not in
    /// order (a superseded version may end after the newest), some dated after today, linked to one to three
    /// controls; a few controls without evidence; judgements naming versions that exist and one that does not.
    /// </summary>
    private static ComplianceProgram Generated(int controls, int evidence)
    {
        var random = new Random(18);
        var list = new List<Control>();
        for (var i = 0; i < controls; i++)
        {
            var targets = new HashSet<RequirementRef>();
            for (var m = 1 + random.Next(3); m > 0; m--)
            {
                targets.Add(random.Next(2) == 0 ? new RequirementRef("iso27001-2022", Iso[random.Next(Iso.Length)]) : new RequirementRef("soc2-2017", Soc2[random.Next(Soc2.Length)]));
            }

            list.Add(new Control
            {
                Id = $"C-{i:D3}",
                Title = $"Control {i}",
                Owner = i % 7 == 0 ? "" : $"owner{i % 5}@example.com",
                Cadence = AllCadences[i % AllCadences.Length],
                Status = (i % 10) switch { < 7 => ImplementationStatus.Implemented, 7 => ImplementationStatus.InProgress, 8 => ImplementationStatus.Planned, _ => ImplementationStatus.NotApplicable },
                Mappings = [.. targets.Select(t => new ControlMapping(t, random.Next(3) == 0 ? Relationship.SubsetOf : Relationship.Equal))],
            });
        }

        // The last three controls get no evidence (missing).
        var items = new List<EvidenceItem>();
        for (var i = 0; i < evidence; i++)
        {
            var linked = new HashSet<string>(StringComparer.Ordinal);
            for (var k = 1 + random.Next(3); k > 0; k--)
            {
                linked.Add(list[random.Next(controls - 3)].Id);
            }

            // Every sixth control stopped producing evidence over a year ago: stale unless its cadence is long.
            var old = linked.Any(id => int.Parse(id[2..], System.Globalization.CultureInfo.InvariantCulture) % 6 == 5);
            var versions = new List<EvidenceVersion>();
            var count = 1 + random.Next(4);
            for (var n = 1; n <= count; n++)
            {
                var from = old ? Base.AddDays(-400 - random.Next(200)) : Base.AddDays(-random.Next(560) + 120);
                versions.Add(new EvidenceVersion
                {
                    Number = n,
                    Url = $"https://evidence.example/{i}/{n}",
                    CollectedAt = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero).AddHours(n),
                    EffectiveFrom = from,
                    EffectiveTo = random.Next(3) == 0 ? from.AddDays(random.Next(1, 120)) : null,
                });
            }

            items.Add(new EvidenceItem { Id = $"EV-{i:D5}", Title = $"Evidence {i}", ControlIds = [.. linked], Versions = versions });
        }

        var at = new DateTimeOffset(2024, 1, 15, 9, 0, 0, TimeSpan.Zero);
        return new ComplianceProgram
        {
            Organization = "Generated",
            Controls = list,
            Evidence = items,
            Soa = [new SoaDecision { Control = "A.8.1", Applicable = false, Justification = "no endpoints" }],
            Judgements =
            [
                new Judgement
                {
                    Requirement = new RequirementRef("iso27001-2022", "A.5.15"),
                    Kind = JudgementKind.Sufficient,
                    Controls = [JudgedControl.Of(list[0]), JudgedControl.Of(list[10])],
                    Evidence = [new JudgedEvidence(items[0].Id, 1), new JudgedEvidence(items[1].Id, 9)],
                    By = "ciso@example.com",
                    At = at,
                    Rationale = "reviewed",
                },
                new Judgement
                {
                    Requirement = new RequirementRef("soc2-2017", "CC6.1"),
                    Kind = JudgementKind.Sufficient,
                    Controls = [JudgedControl.Of(list[1])],
                    Evidence = [new JudgedEvidence(items[2].Id, items[2].Versions.Count)],
                    By = "ciso@example.com",
                    At = at,
                    Rationale = "reviewed",
                },
                new Judgement
                {
                    Requirement = new RequirementRef("soc2-2017", "CC6.8"),
                    Kind = JudgementKind.NotRelevant,
                    By = "ciso@example.com",
                    At = at,
                    Rationale = "no malware vector",
                },
            ],
        };
    }
}
