using Trellis.Core.Common;
using Trellis.Core.Policies;
using Trellis.Core.Program;

namespace Trellis.Core.Tests.Policies;

/// <summary>Draft → in review → approved by every named approver → published; acknowledgements of the current version.</summary>
public class PolicyLifecycleTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private static Policy Draft() => new()
    {
        Id = "POL-001",
        Title = "Information security policy",
        Owner = "ciso@example.com",
        Versions = [new PolicyVersion { Number = 1, Body = "# Purpose\nKeep information safe.", Author = "ciso@example.com", Created = T0 }],
    };

    private static Policy Published()
    {
        var p = PolicyLifecycle.Submit(Draft(), 1, ["ceo@example.com", "cto@example.com"]).Value;
        p = PolicyLifecycle.Approve(p, 1, "ceo@example.com", T0.AddDays(1)).Value;
        p = PolicyLifecycle.Approve(p, 1, "cto@example.com", T0.AddDays(2)).Value;
        return PolicyLifecycle.Publish(p, 1, T0.AddDays(3)).Value;
    }

    [Fact]
    public void Approve_OneOfTwoApprovers_StaysInReview()
    {
        var p = PolicyLifecycle.Submit(Draft(), 1, ["ceo@example.com", "cto@example.com"]).Value;

        var once = PolicyLifecycle.Approve(p, 1, "CEO@example.com", T0.AddDays(1)).Value;

        Assert.Equal(PolicyStatus.InReview, once.Latest.Status);
        Assert.Equal(["cto@example.com"], once.Latest.PendingApprovers);
        Assert.Null(once.Latest.ApprovedAt);
    }

    [Fact]
    public void Approve_EveryApprover_ApprovedAtTheLastApproval()
    {
        var p = PolicyLifecycle.Submit(Draft(), 1, ["ceo@example.com", "cto@example.com"]).Value;
        p = PolicyLifecycle.Approve(p, 1, "cto@example.com", T0.AddDays(5)).Value;

        p = PolicyLifecycle.Approve(p, 1, "ceo@example.com", T0.AddDays(1)).Value;

        Assert.Equal(PolicyStatus.Approved, p.Latest.Status);
        Assert.Equal(T0.AddDays(5), p.Latest.ApprovedAt);
        Assert.Equal(2, p.Latest.Approvals.Count);
    }

    [Fact]
    public void Approve_NotANamedApprover_Forbidden()
    {
        var p = PolicyLifecycle.Submit(Draft(), 1, ["ceo@example.com"]).Value;

        var r = PolicyLifecycle.Approve(p, 1, "intern@example.com", T0);

        Assert.Equal(ErrorCodes.Forbidden, r.Error!.Code);
    }

    [Fact]
    public void Approve_Twice_PolicyState()
    {
        var p = PolicyLifecycle.Submit(Draft(), 1, ["ceo@example.com", "cto@example.com"]).Value;
        p = PolicyLifecycle.Approve(p, 1, "ceo@example.com", T0).Value;

        Assert.Equal(ErrorCodes.PolicyState, PolicyLifecycle.Approve(p, 1, "ceo@example.com", T0).Error!.Code);
    }

    [Fact]
    public void Approve_Draft_PolicyState()
    {
        var r = PolicyLifecycle.Approve(Draft(), 1, "ceo@example.com", T0);

        Assert.Equal(ErrorCodes.PolicyState, r.Error!.Code);
        Assert.Contains("draft", r.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Approve_UnknownVersion_UnknownPolicy()
    {
        Assert.Equal(ErrorCodes.UnknownPolicy, PolicyLifecycle.Approve(Draft(), 7, "ceo@example.com", T0).Error!.Code);
    }

    [Fact]
    public void Submit_NoApprovers_InvalidPolicy()
    {
        Assert.Equal(ErrorCodes.InvalidPolicy, PolicyLifecycle.Submit(Draft(), 1, [" "]).Error!.Code);
    }

    [Fact]
    public void Publish_InReview_PolicyState()
    {
        var p = PolicyLifecycle.Submit(Draft(), 1, ["ceo@example.com"]).Value;

        Assert.Equal(ErrorCodes.PolicyState, PolicyLifecycle.Publish(p, 1, T0).Error!.Code);
    }

    [Fact]
    public void EditDraft_InReview_PolicyState()
    {
        var p = PolicyLifecycle.Submit(Draft(), 1, ["ceo@example.com"]).Value;

        Assert.Equal(ErrorCodes.PolicyState, PolicyLifecycle.EditDraft(p, "changed").Error!.Code);
    }

    [Fact]
    public void NewDraft_AfterPublication_PublishedStaysCurrent()
    {
        var p = PolicyLifecycle.NewDraft(Published(), "ciso@example.com", T0.AddDays(30)).Value;
        p = PolicyLifecycle.EditDraft(p, "# Purpose\nRevised.").Value;

        Assert.Equal(1, p.Current!.Number);
        Assert.Equal(2, p.Latest.Number);
        Assert.Equal(PolicyStatus.Draft, p.Latest.Status);
    }

    [Fact]
    public void Publish_SecondVersion_SupersedesFirst()
    {
        var p = PolicyLifecycle.NewDraft(Published(), "ciso@example.com", T0.AddDays(30)).Value;
        p = PolicyLifecycle.Submit(p, 2, ["ceo@example.com"]).Value;
        p = PolicyLifecycle.Approve(p, 2, "ceo@example.com", T0.AddDays(31)).Value;

        p = PolicyLifecycle.Publish(p, 2, T0.AddDays(32)).Value;

        Assert.Equal(2, p.Current!.Number);
        Assert.Equal(PolicyStatus.Superseded, p.Versions[0].Status);
    }

    [Fact]
    public void NewDraft_WhileDraftOpen_PolicyState()
    {
        Assert.Equal(ErrorCodes.PolicyState, PolicyLifecycle.NewDraft(Draft(), "a@example.com", T0).Error!.Code);
    }

    [Fact]
    public void ReviewDue_ApprovedOn4March_DueOneCadencePeriodLater()
    {
        // Approved 2026-03-04 (the second approval), annual review: due one year later.
        Assert.Equal(new DateOnly(2027, 3, 4), Published().ReviewDue);
        Assert.Equal(new DateOnly(2026, 6, 4), (Published() with { ReviewCadence = Cadence.Quarterly }).ReviewDue);
    }

    [Fact]
    public void AcknowledgementStatus_TwoOfFourAcknowledged_FiftyPercent()
    {
        var p = PolicyLifecycle.Acknowledge(Published(), "Ann@example.com", T0.AddDays(4)).Value;
        p = PolicyLifecycle.Acknowledge(p, "bob@example.com", T0.AddDays(4)).Value;
        p = PolicyLifecycle.Acknowledge(p, "bob@example.com", T0.AddDays(9)).Value;

        var status = AcknowledgementStatus.Of(p, ["ann@example.com", "bob@example.com", "cat@example.com", "dan@example.com"]);

        Assert.Equal(50, status.Percent);
        Assert.Equal(["ann@example.com", "bob@example.com"], status.Acknowledged.Select(a => a.Person));
        Assert.Equal(T0.AddDays(4), status.Acknowledged[1].At);
        Assert.Equal(["cat@example.com", "dan@example.com"], status.Pending);
    }

    [Fact]
    public void AcknowledgementStatus_NewVersionPublished_OldAcknowledgementsDoNotCount()
    {
        var p = PolicyLifecycle.Acknowledge(Published(), "ann@example.com", T0.AddDays(4)).Value;
        p = PolicyLifecycle.NewDraft(p, "ciso@example.com", T0.AddDays(30)).Value;
        p = PolicyLifecycle.Submit(p, 2, ["ceo@example.com"]).Value;
        p = PolicyLifecycle.Approve(p, 2, "ceo@example.com", T0.AddDays(31)).Value;
        p = PolicyLifecycle.Publish(p, 2, T0.AddDays(32)).Value;

        var status = AcknowledgementStatus.Of(p, ["ann@example.com"]);

        Assert.Equal(0, status.Percent);
        Assert.Equal(["ann@example.com"], status.Pending);
    }

    [Fact]
    public void Acknowledge_NothingPublished_PolicyState()
    {
        Assert.Equal(ErrorCodes.PolicyState, PolicyLifecycle.Acknowledge(Draft(), "ann@example.com", T0).Error!.Code);
    }

    [Fact]
    public void Validate_OwnerNotEmail_InvalidPolicyNamingOwner()
    {
        var e = PolicyLifecycle.Validate(Draft() with { Owner = "the CISO" });

        Assert.Equal(ErrorCodes.InvalidPolicy, e!.Code);
        Assert.Equal("owner", e.Location);
    }
}
