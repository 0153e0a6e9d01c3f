using Trellis.Core.Audits;

namespace Trellis.Core.Tests.Audits;

/// <summary>
/// Issue 16, item 4: an occurrence the SOC 2 auditor sampled and accepted is offered to an overlapping ISO surveillance
/// audit when it happened in the period that audit looks back over — and only then.
/// </summary>
public sealed class OccurrenceReuseTests
{
    private static readonly Engagement Stage2 = new()
    {
        Id = "iso-stage2",
        Kind = EngagementKind.IsoStage2,
        Fieldwork = new DateRange(new DateOnly(2026, 3, 22), new DateOnly(2026, 3, 25)),
    };

    private static readonly Engagement Surveillance = new()
    {
        Id = "iso-surveillance-1",
        Kind = EngagementKind.IsoSurveillance1,
        Fieldwork = new DateRange(new DateOnly(2027, 2, 15), new DateOnly(2027, 2, 16)),
    };

    private static readonly Engagement Type2 = new()
    {
        Id = "soc2-2026",
        Kind = EngagementKind.Soc2Type2,
        Window = new ObservationWindow(new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31)),
    };

    private static readonly Engagement[] All = [Stage2, Surveillance, Type2];

    private static readonly AuditSample Sample = new()
    {
        Id = "SMP-0001",
        EngagementId = Type2.Id,
        ControlId = "AC-01",
        PopulationSource = "ledger",
        PopulationSize = 12,
        Method = Sampling.Method,
        Seed = 7,
        Items =
        [
            new PopulationItem("2026-02-01..2026-02-28", new DateOnly(2026, 2, 28), ["EV-1"]),
            new PopulationItem("2026-06-01..2026-06-30", new DateOnly(2026, 6, 30), ["EV-2"]),
            new PopulationItem("2026-09-01..2026-09-30", new DateOnly(2026, 9, 30), ["EV-3"]),
        ],
        RequestIds = ["REQ-0001", "REQ-0002", "REQ-0003"],
        DrawnBy = "auditor@cpa.example",
        DrawnAt = DateTimeOffset.UnixEpoch,
    };

    private static readonly HashSet<string> Scope = ["AC-01"];

    [Fact]
    public void Period_SurveillanceWithFieldworkOnly_IsTheDaysSinceTheStage2FieldworkUpToItsOwn()
    {
        Assert.Equal(new DateRange(new DateOnly(2026, 3, 26), new DateOnly(2027, 2, 14)), OccurrenceReuse.Period(Surveillance, All));
        Assert.Equal(Type2.Window!.Range, OccurrenceReuse.Period(Type2, All));
        Assert.Null(OccurrenceReuse.Period(Stage2, All)); // no earlier certification audit to look back to
    }

    [Fact]
    public void Offers_AcceptedItemsInsideTheSurveillancePeriod_AreOffered_FebruaryBeforeStage2AndTheFlaggedOneAreNot()
    {
        AuditRequest[] requests =
        [
            Request("REQ-0001", Sample.Items[0].Item, AuditRequestStatus.Accepted, "EV-1"), // February: before the period
            Request("REQ-0002", Sample.Items[1].Item, AuditRequestStatus.Accepted, "EV-2"),
            Request("REQ-0003", Sample.Items[2].Item, AuditRequestStatus.Flagged, "EV-3"),
        ];
        var offers = OccurrenceReuse.Offers(Surveillance, All, [Sample], requests, Scope);
        var offer = Assert.Single(offers);
        Assert.Equal(("REQ-0002", "AC-01", new DateOnly(2026, 6, 30), "soc2-2026"), (offer.FromRequest, offer.ControlId, offer.OccurredOn, offer.FromEngagement));
        Assert.Equal(["EV-2"], offer.EvidenceIds);

        Assert.Empty(OccurrenceReuse.Offers(Surveillance, All, [Sample], requests, new HashSet<string>())); // control not in the audit's scope
    }

    [Fact]
    public void Reuse_RaisesAnAnsweredRequestWithTheSameEvidence_AndTheOfferIsNotMadeTwice()
    {
        var accepted = Request("REQ-0002", Sample.Items[1].Item, AuditRequestStatus.Accepted, "EV-2");
        var offer = Assert.Single(OccurrenceReuse.Offers(Surveillance, All, [Sample], [accepted], Scope));
        var reused = OccurrenceReuse.Reuse(offer, Surveillance, new DateOnly(2027, 1, 31), "lead@example.com", DateTimeOffset.UnixEpoch) with { Id = "REQ-0009" };

        Assert.Equal((AuditRequestStatus.Answered, "REQ-0002", "iso-surveillance-1", "AC-01"), (reused.Status, reused.ReusedFrom, reused.EngagementId, reused.ControlId));
        Assert.Equal(["EV-2"], reused.EvidenceIds);
        Assert.Contains("soc2-2026", reused.Thread[^1].Text, StringComparison.Ordinal);
        Assert.Empty(OccurrenceReuse.Offers(Surveillance, All, [Sample], [accepted, reused], Scope));
    }

    [Fact]
    public void Offers_TheOtherWay_AnItemTheSurveillanceAuditorAcceptedIsOfferedToTheType2Window()
    {
        var isoSample = Sample with { Id = "SMP-0002", EngagementId = Surveillance.Id, Items = [new PopulationItem("CHG-17", new DateOnly(2026, 11, 3), ["EV-9"])], RequestIds = ["REQ-0005"] };
        var accepted = Request("REQ-0005", "CHG-17", AuditRequestStatus.Accepted, "EV-9") with { EngagementId = Surveillance.Id, SampleId = "SMP-0002" };
        var offer = Assert.Single(OccurrenceReuse.Offers(Type2, All, [isoSample], [accepted], Scope));
        Assert.Equal("iso-surveillance-1", offer.FromEngagement);
    }

    private static AuditRequest Request(string id, string item, AuditRequestStatus status, string evidence) => new()
    {
        Id = id,
        EngagementId = Type2.Id,
        Text = "show it",
        ControlId = "AC-01",
        SampleId = Sample.Id,
        SampleItem = item,
        DueOn = new DateOnly(2026, 11, 20),
        RaisedBy = "auditor@cpa.example",
        Status = status,
        EvidenceIds = [evidence],
        AnsweredBy = "owner@example.com",
    };
}
