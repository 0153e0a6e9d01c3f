using Microsoft.EntityFrameworkCore;
using Trellis.Core.Common;
using Trellis.Core.Crosswalk;
using Trellis.Core.Evidence;
using Trellis.Core.Policies;
using Trellis.Core.Program;
using Trellis.Data.AuditTrail;
using Trellis.Data.Tests.Infrastructure;

namespace Trellis.Data.Tests;

/// <summary>Policies: stored whole with versions, approvals and acknowledgements; publishing adds evidence in the same transaction.</summary>
public sealed class PolicyStoreTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    private static readonly DateTimeOffset T0 = new DateTimeOffset(2026, 4, 1, 8, 0, 0, TimeSpan.Zero).AddTicks(7);

    private static Policy Sample() => new()
    {
        Id = "POL-001",
        Title = "Zugriffsrichtlinie — access control",
        Owner = "ciso@lattice.example",
        ReviewCadence = Cadence.SemiAnnual,
        Requirements = [new RequirementRef("iso27001-2022", "A.5.15"), new RequirementRef("soc2-2017", "CC6.1")],
        ControlIds = ["AC-01"],
        Template = "access-control",
        Versions =
        [
            new PolicyVersion
            {
                Number = 1, Body = "# Purpose\n访问控制 ✓", Author = "ciso@lattice.example", Created = T0, Status = PolicyStatus.Superseded,
                Approvers = ["ceo@lattice.example", "cto@lattice.example"],
                Approvals = [new PolicyApproval("ceo@lattice.example", T0.AddDays(1)), new PolicyApproval("cto@lattice.example", T0.AddDays(2))],
                PublishedAt = T0.AddDays(3),
            },
            new PolicyVersion
            {
                Number = 2, Body = "# Purpose\nv2", Author = "ciso@lattice.example", Created = T0.AddDays(40), Status = PolicyStatus.Published,
                Approvers = ["ceo@lattice.example"], Approvals = [new PolicyApproval("ceo@lattice.example", T0.AddDays(41))], PublishedAt = T0.AddDays(42),
            },
            new PolicyVersion { Number = 3, Body = "draft", Author = "ciso@lattice.example", Created = T0.AddDays(50) },
        ],
        Acknowledgements = [new PolicyAcknowledgement("ann@lattice.example", 1, T0.AddDays(4)), new PolicyAcknowledgement("ann@lattice.example", 2, T0.AddDays(43))],
    };

    private static Policy Draft(string id) => new()
    {
        Id = id,
        Title = "Information security policy",
        Owner = "ciso@lattice.example",
        Requirements = [new RequirementRef("iso27001-2022", "A.8.13")],
        Versions = [new PolicyVersion { Number = 1, Body = "# Purpose\nx", Author = "ciso@lattice.example", Created = T0 }],
    };

    [SkippableTheory, DatabaseData]
    public async Task AddPolicyAsync_EveryField_ReadsBackTheSame(DatabaseProvider provider)
    {
        var database = await fixture.OpenAsync(provider);
        var store = new ProgramStore(database);
        await store.ReplaceAsync(TestAudit.Record, ProgramSamples.Rich(), ProgramSamples.RichBlobs(), []);

        var added = await store.AddPolicyAsync(TestAudit.Record with { Action = "policy.add" }, Sample());
        var loaded = await store.PolicyAsync("POL-001");

        Assert.True(added.IsSuccess, added.Error?.Message);
        DeepAssert.Equal(Sample(), loaded.Value);
        Assert.Equal(T0.AddDays(41), loaded.Value.Current!.ApprovedAt);
        await using var db = database.CreateContext();
        Assert.Contains(await AuditJournal.ListAsync(db, null), e => e.Action == "policy.add");
    }

    [SkippableTheory, DatabaseData]
    public async Task AddPolicyAsync_IdTakenInOtherCase_DuplicateIdAndNothingWritten(DatabaseProvider provider)
    {
        var database = await fixture.OpenAsync(provider);
        var store = new ProgramStore(database);
        await store.ReplaceAsync(TestAudit.Record, ProgramSamples.Rich(), ProgramSamples.RichBlobs(), []);
        await store.AddPolicyAsync(TestAudit.Record, Draft("infosec"));

        var again = await store.AddPolicyAsync(TestAudit.Record, Draft("InfoSec"));

        Assert.Equal(ErrorCodes.DuplicateId, again.Error!.Code);
        Assert.Single(await store.PoliciesAsync());
    }

    [SkippableTheory, DatabaseData]
    public async Task SavePolicyAsync_Publication_AddsEvidenceForTheControlsInTheSameTransaction(DatabaseProvider provider)
    {
        var database = await fixture.OpenAsync(provider);
        var store = new ProgramStore(database);
        await store.ReplaceAsync(TestAudit.Record, ProgramSamples.Rich(), ProgramSamples.RichBlobs(), []);
        var before = (await store.AddPolicyAsync(TestAudit.Record, Draft("POL-009"))).Value;
        var content = "<html>approved</html>"u8.ToArray();
        var version = new EvidenceVersion
        {
            Number = 1,
            Sha256 = ProgramSamples.Sha(content),
            FileName = "POL-009-v1.html",
            Size = content.Length,
            MediaType = "text/html",
            CollectedAt = T0.AddDays(2),
            EffectiveFrom = new DateOnly(2026, 4, 2),
        };
        var published = before with { Versions = [before.Versions[0] with { Status = PolicyStatus.Published, PublishedAt = T0.AddDays(2) }] };

        var saved = await store.SavePolicyAsync(TestAudit.Record with { Action = "policy.publish" }, before, published, new PolicyEvidence("Policy POL-009", ["OPS-02"], version, content));

        Assert.True(saved.IsSuccess, saved.Error?.Message);
        var program = await store.LoadAsync();
        var evidence = Assert.Single(program.Evidence, e => e.Id == saved.Value.EvidenceId);
        Assert.Equal(["OPS-02"], evidence.ControlIds);
        Assert.Equal(new DateOnly(2026, 4, 2), evidence.Current.EffectiveFrom);
        Assert.Equal(content, (await store.GetBlobAsync(ProgramSamples.Sha(content))).Value);
        Assert.Equal(evidence.Id, (await store.PolicyAsync("POL-009")).Value.EvidenceId);
    }

    [SkippableTheory, DatabaseData]
    public async Task SavePolicyAsync_UnknownControl_NothingWritten(DatabaseProvider provider)
    {
        var database = await fixture.OpenAsync(provider);
        var store = new ProgramStore(database);
        await store.ReplaceAsync(TestAudit.Record, ProgramSamples.Rich(), ProgramSamples.RichBlobs(), []);
        var before = (await store.AddPolicyAsync(TestAudit.Record, Draft("POL-010"))).Value;
        var evidenceBefore = (await store.LoadAsync()).Evidence.Count;
        var content = "x"u8.ToArray();
        var version = new EvidenceVersion { Number = 1, Sha256 = ProgramSamples.Sha(content), FileName = "x.html", Size = 1, CollectedAt = T0, EffectiveFrom = new DateOnly(2026, 4, 1) };
        var published = before with { Versions = [before.Versions[0] with { Status = PolicyStatus.Published }] };

        var saved = await store.SavePolicyAsync(TestAudit.Record, before, published, new PolicyEvidence("x", ["NOPE-1"], version, content));

        Assert.Equal(ErrorCodes.InvalidEvidence, saved.Error!.Code);
        Assert.Equal(PolicyStatus.Draft, (await store.PolicyAsync("POL-010")).Value.Latest.Status);
        Assert.Equal(evidenceBefore, (await store.LoadAsync()).Evidence.Count);
    }

    [SkippableTheory, DatabaseData]
    public async Task SavePolicyAsync_ChangedSinceRead_ConcurrencyConflict(DatabaseProvider provider)
    {
        var database = await fixture.OpenAsync(provider);
        var store = new ProgramStore(database);
        await store.ReplaceAsync(TestAudit.Record, ProgramSamples.Rich(), ProgramSamples.RichBlobs(), []);
        var before = (await store.AddPolicyAsync(TestAudit.Record, Draft("POL-011"))).Value;
        await store.SavePolicyAsync(TestAudit.Record, before, before with { Title = "First writer" });

        var second = await store.SavePolicyAsync(TestAudit.Record, before, before with { Title = "Second writer" });

        Assert.Equal(ErrorCodes.ConcurrencyConflict, second.Error!.Code);
        Assert.Equal("First writer", (await store.PolicyAsync("POL-011")).Value.Title);
    }

    [SkippableTheory, DatabaseData]
    public async Task ReplaceAsync_WithPolicies_ReplacesThemWithTheProgram(DatabaseProvider provider)
    {
        var database = await fixture.OpenAsync(provider);
        var store = new ProgramStore(database);
        await store.ReplaceAsync(TestAudit.Record, ProgramSamples.Rich(), ProgramSamples.RichBlobs(), []);
        await store.AddPolicyAsync(TestAudit.Record, Draft("old-one"));

        await store.ReplaceAsync(TestAudit.Record, ProgramSamples.Rich(), ProgramSamples.RichBlobs(), [Sample()]);

        DeepAssert.Equal(new[] { Sample() }, await store.PoliciesAsync());
        await using var db = database.CreateContext();
        Assert.Equal(3, await db.PolicyVersions.CountAsync());
    }
}
