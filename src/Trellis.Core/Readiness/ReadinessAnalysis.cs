using Trellis.Core.Common;
using Trellis.Core.Crosswalk;
using Trellis.Core.Evidence;
using Trellis.Core.Frameworks;
using Trellis.Core.Program;

namespace Trellis.Core.Readiness;

/// <summary>
/// Judges, for every requirement of a framework, whether the program is ready: from control status,
/// evidence freshness and the crosswalk's coverage rules (docs/crosswalk-rules.md, rules 1–3, 5, 6).
/// A control counts fully only when it is implemented, backed by fresh evidence and equal to or a superset
/// of the requirement, directly or through a definite crosswalk chain.
/// </summary>
public static partial class ReadinessAnalysis
{
    /// <summary>Computes readiness.</summary>
    /// <param name="program">The program.</param>
    /// <param name="engine">The crosswalk.</param>
    /// <param name="framework">Framework to judge.</param>
    /// <param name="today">The calendar day of the judgement (from the injected clock).</param>
    /// <param name="policy">Freshness policy; the default grace is 14 days.</param>
    /// <param name="creditedFrom">
    /// When set, only control mappings into this framework are credited (through the crosswalk): answers
    /// "we run an ISO 27001 ISMS: what remains for SOC 2?" with <c>iso27001-2022</c>.
    /// </param>
    public static Result<ReadinessReport> Compute(
        ComplianceProgram program,
        CrosswalkEngine engine,
        string framework,
        DateOnly today,
        FreshnessPolicy? policy = null,
        string? creditedFrom = null)
    {
        ArgumentNullException.ThrowIfNull(program);
        ArgumentNullException.ThrowIfNull(engine);
        // Unknown IDs are refused before the states are built from the whole program (cheap errors stay cheap).
        if (Unknown(engine, framework, creditedFrom) is { } unknown)
        {
            return unknown;
        }

        return Compute(program, ControlState.Index(program, today, policy ?? new FreshnessPolicy()), engine, framework, today, creditedFrom);
    }

    // The error for a framework (or credit source) the catalog does not hold, or null.
    private static Error? Unknown(CrosswalkEngine engine, string framework, string? creditedFrom) =>
        engine.Catalog.Framework(framework) is { IsSuccess: false } fw ? fw.Error
        : creditedFrom is not null && engine.Catalog.Framework(creditedFrom) is { IsSuccess: false } from ? from.Error
        : null;

    /// <summary>
    /// Computes readiness from control states already judged for <paramref name="today"/> (<c>ControlState.Index</c> over a database's
    /// aggregates): the result equals the computation from the whole program
    /// when <paramref name="states"/> are those of the same program. Of the evidence, only the versions of items a judgement
    /// names are read (rule 8: a named version that no longer exists lapses it), so <paramref name="program"/> needs no others.
    /// </summary>
    public static Result<ReadinessReport> Compute(
        ComplianceProgram program,
        IReadOnlyDictionary<string, ControlState> states,
        CrosswalkEngine engine,
        string framework,
        DateOnly today,
        string? creditedFrom = null)
    {
        ArgumentNullException.ThrowIfNull(program);
        ArgumentNullException.ThrowIfNull(states);
        ArgumentNullException.ThrowIfNull(engine);
        if (Unknown(engine, framework, creditedFrom) is { } unknown)
        {
            return unknown;
        }

        var fw = engine.Catalog.Framework(framework);

        var contributions = Contributions(program, engine, fw.Value, creditedFrom);
        var excluded = ExcludedRequirements(program, fw.Value);
        var own = new Dictionary<string, RequirementReadiness>(StringComparer.Ordinal);
        foreach (var req in fw.Value.AllRequirements)
        {
            own[req.Id] = Judge(req, contributions.GetValueOrDefault(req.Id) ?? [], states, excluded.GetValueOrDefault(req.Id));
        }

        ApplyJudgements(own, program, fw.Value, states);
        return new ReadinessReport(fw.Value.Id, today, creditedFrom, Compose(fw.Value, own));
    }

    /// <summary>Requirements out of scope, with the reason: SoA exclusions (ISO 2022) and TSC categories not in scope (SOC 2).</summary>
    private static Dictionary<string, string> ExcludedRequirements(ComplianceProgram program, Framework fw)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (fw.Id == FrameworkIds.Iso27001v2022)
        {
            foreach (var d in program.Soa.Where(d => !d.Applicable))
            {
                result[d.Control] = $"excluded in the SoA: {d.Justification}";
            }
        }

        var categories = TscCategories.Normalize(program.Scope.TscCategories);
        foreach (var r in fw.AllRequirements.Where(r => r.Category is not null && fw.Id.StartsWith("soc2", StringComparison.Ordinal)))
        {
            if (!categories.Contains(r.Category!))
            {
                result[r.Id] = $"category '{r.Category}' is not in the SOC 2 scope";
            }
        }

        return result;
    }

    /// <summary>
    /// Every control reaching each requirement of <paramref name="framework"/>, by requirement ID: direct mappings, and
    /// mappings into other frameworks carried over definite crosswalk links with the relationship composed
    /// (docs/crosswalk-rules.md, rules 4–5) — the credit <c>Compute</c> judges. Empty for an unknown framework.
    /// </summary>
    public static ILookup<string, ControlReach> Reach(ComplianceProgram program, CrosswalkEngine engine, string framework, string? creditedFrom = null)
    {
        ArgumentNullException.ThrowIfNull(program);
        ArgumentNullException.ThrowIfNull(engine);
        var fw = engine.Catalog.Framework(framework);
        var all = fw.IsSuccess ? Contributions(program, engine, fw.Value, creditedFrom) : [];
        return all.SelectMany(kv => kv.Value.Select(c => (kv.Key, c))).ToLookup(x => x.Key, x => x.c, StringComparer.Ordinal);
    }

    /// <summary>Every (control, relationship, route) that reaches each requirement of the framework.</summary>
    private static Dictionary<string, List<ControlReach>> Contributions(ComplianceProgram program, CrosswalkEngine engine, Framework fw, string? creditedFrom)
    {
        var result = new Dictionary<string, List<ControlReach>>(StringComparer.Ordinal);
        var crosswalks = new Dictionary<string, ILookup<string, MappingLink>>(StringComparer.Ordinal);
        void Add(string requirement, ControlReach c)
        {
            if (!result.TryGetValue(requirement, out var list))
            {
                result[requirement] = list = [];
            }

            list.Add(c);
        }

        foreach (var control in program.Controls)
        {
            foreach (var m in control.Mappings)
            {
                if (creditedFrom is not null && m.Requirement.Framework != creditedFrom)
                {
                    continue;
                }

                if (m.Requirement.Framework == fw.Id)
                {
                    Add(m.Requirement.Requirement, new ControlReach(control.Id, m.Relationship, null));
                    continue;
                }

                if (!crosswalks.TryGetValue(m.Requirement.Framework, out var links))
                {
                    crosswalks[m.Requirement.Framework] = links = engine.All(m.Requirement.Framework, fw.Id)
                        .Where(l => l.To is not null && !l.NeedsReview && l.Relationship != Relationship.NoRelationship)
                        .ToLookup(l => l.From.Requirement, StringComparer.Ordinal);
                }

                foreach (var link in links[m.Requirement.Requirement])
                {
                    if (Relationships.Credit(m.Relationship, link.Relationship) is { } composed)
                    {
                        Add(link.To!.Value.Requirement, new ControlReach(control.Id, composed, m.Requirement));
                    }
                }
            }
        }

        return result;
    }

    private static RequirementReadiness Judge(Requirement req, List<ControlReach> contributions, IReadOnlyDictionary<string, ControlState> states, string? exclusion)
    {
        var controls = contributions.Select(c => c.ControlId).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var reasons = new List<string>();
        var closers = new List<string>();
        if (exclusion is not null)
        {
            return new RequirementReadiness(req.Id, req.Title, ReadinessStatus.NotApplicable, controls, [], [exclusion], []);
        }

        var relevant = contributions.Where(c => states.ContainsKey(c.ControlId) && states[c.ControlId].Control.Status != ImplementationStatus.NotApplicable).ToList();
        foreach (var c in relevant.OrderBy(c => c.ControlId, StringComparer.Ordinal).ThenBy(c => c.Via?.ToString(), StringComparer.Ordinal))
        {
            var via = c.Via is null ? string.Empty : $" via {c.Via}";
            reasons.Add($"{states[c.ControlId].Describe()}; {c.Relationship.ToWire()} {req.Id}{via}");
        }

        var covered = relevant.Any(c => states[c.ControlId].Operating && c.Relationship.Satisfies());
        var partial = relevant.Any(c => states[c.ControlId].Operating || states[c.ControlId].Control.Status == ImplementationStatus.Implemented);
        var status = covered ? ReadinessStatus.Covered : partial ? ReadinessStatus.Partial : ReadinessStatus.Gap;
        if (relevant.Count == 0)
        {
            reasons.Add($"no control maps to {req.Id}");
        }

        if (status != ReadinessStatus.Covered)
        {
            foreach (var state in relevant.Select(c => states[c.ControlId]).DistinctBy(s => s.Control.Id).OrderBy(s => s.Control.Id, StringComparer.Ordinal))
            {
                closers.Add(state.Control.Status switch
                {
                    ImplementationStatus.Implemented when !state.Operating => $"collect fresh evidence for {state.Control.Id} ({state.Control.Cadence.ToWire()})",
                    ImplementationStatus.Planned or ImplementationStatus.InProgress => $"finish implementing {state.Control.Id} (owner {state.Control.Owner})",
                    _ => string.Empty,
                });
            }

            if (!relevant.Any(c => c.Relationship.Satisfies()))
            {
                closers.Add(relevant.Count == 0
                    ? $"add or map a control that meets {req.Id}"
                    : $"extend a control to meet all of {req.Id}: current controls meet only part of it");
            }
        }

        var evidence = relevant.SelectMany(c => states[c.ControlId].FreshEvidence).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        return new RequirementReadiness(req.Id, req.Title, status, controls, evidence, reasons, closers.Where(c => c.Length > 0).ToList());
    }
}

/// <summary>A control reaching a requirement: directly (<see cref="Via"/> null) or through a definite crosswalk link.</summary>
/// <param name="ControlId">The organization's control.</param>
/// <param name="Relationship">The control's relationship to the requirement (composed through the crosswalk when indirect).</param>
/// <param name="Via">The requirement of another framework the control maps to, or null for a direct mapping.</param>
public sealed record ControlReach(string ControlId, Relationship Relationship, RequirementRef? Via)
{
    /// <summary>e.g. <c>equal</c> or <c>subset-of via iso27001-2022:A.5.15</c>.</summary>
    public string Describe() => Via is null ? Relationship.ToWire() : $"{Relationship.ToWire()} via {Via}";
}
