using Trellis.Core.Common;
using Trellis.Core.Risks;

namespace Trellis.Web.Api;

/// <summary>A risk with its inherent and residual ratings on the program's matrix.</summary>
public sealed record RiskView(
    string Id, string Title, string Asset, string Threat, string Vulnerability, string Owner,
    int InherentLikelihood, int InherentImpact, string InherentLevel, int ResidualLikelihood, int ResidualImpact, string ResidualLevel,
    string Treatment, IReadOnlyList<string> Controls, IReadOnlyList<string> Requirements,
    IReadOnlyList<TreatmentActionView> Plan, RiskAcceptanceView? Acceptance)
{
    internal static RiskView From(Risk r, RiskMatrix m) => new(
        r.Id, r.Title, r.Asset, r.Threat, r.Vulnerability, r.Owner,
        r.InherentLikelihood, r.InherentImpact, m.LevelName(r.InherentLikelihood, r.InherentImpact),
        r.ResidualLikelihood, r.ResidualImpact, m.LevelName(r.ResidualLikelihood, r.ResidualImpact),
        r.Treatment.ToWire(), r.ControlIds, r.RequirementIds,
        [.. r.Plan.Select(a => new TreatmentActionView(a.Description, a.ControlIds, a.Due, a.Done))],
        r.Acceptance is { } x ? new RiskAcceptanceView(x.Approver, x.AcceptedOn, x.Expires) : null);
}

/// <summary>One action of a risk treatment plan.</summary>
public sealed record TreatmentActionView(string Description, IReadOnlyList<string> Controls, DateOnly? Due, bool Done);

/// <summary>The acceptance of a residual risk (ISO/IEC 27001:2022 6.1.3 f).</summary>
public sealed record RiskAcceptanceView(string Approver, DateOnly AcceptedOn, DateOnly? Expires);

/// <summary>Request body of a risk create or update: everything but the ID (from the path). Ratings are 1..matrix size.</summary>
public sealed record RiskRequest(
    string Title, string? Asset, string? Threat, string? Vulnerability, string? Owner,
    int InherentLikelihood, int InherentImpact, int ResidualLikelihood, int ResidualImpact,
    string Treatment, IReadOnlyList<string>? Controls, IReadOnlyList<string>? Requirements,
    IReadOnlyList<TreatmentActionRequest>? Plan, RiskAcceptanceRequest? Acceptance)
{
    /// <summary>Reads the risk from its wire form; <paramref name="today"/> dates an acceptance given without a date.</summary>
    internal Result<Risk> ToRisk(string id, DateOnly today)
    {
        if (!RiskTreatments.TryParse(Treatment, out var treatment))
        {
            return new Error(ErrorCodes.InvalidTreatment, $"unknown treatment '{Treatment}'; use {string.Join(", ", RiskTreatments.WireNames)}", "treatment");
        }

        return new Risk
        {
            Id = id,
            Title = Title?.Trim() ?? "",
            Asset = Asset?.Trim() ?? "",
            Threat = Threat?.Trim() ?? "",
            Vulnerability = Vulnerability?.Trim() ?? "",
            Owner = Owner?.Trim() ?? "",
            InherentLikelihood = InherentLikelihood,
            InherentImpact = InherentImpact,
            ResidualLikelihood = ResidualLikelihood,
            ResidualImpact = ResidualImpact,
            Treatment = treatment,
            ControlIds = [.. Controls ?? []],
            RequirementIds = [.. Requirements ?? []],
            Plan = [.. (Plan ?? []).Select(a => new TreatmentAction(a.Description?.Trim() ?? "", [.. a.Controls ?? []], a.Due, a.Done))],
            Acceptance = Acceptance is { } x ? new RiskAcceptance(x.Approver?.Trim() ?? "", x.AcceptedOn ?? today, x.Expires) : null,
        };
    }
}

/// <summary>One action in a risk update.</summary>
public sealed record TreatmentActionRequest(string Description, IReadOnlyList<string>? Controls, DateOnly? Due, bool Done);

/// <summary>The acceptance in a risk update; <c>acceptedOn</c> defaults to today.</summary>
public sealed record RiskAcceptanceRequest(string Approver, DateOnly? AcceptedOn, DateOnly? Expires);
