using Trellis.Application.Actors;
using Trellis.Core.Evidence;
using Trellis.Core.Frameworks;
using Trellis.Core.Program;
using Trellis.Core.Readiness;

namespace Trellis.Application.Compliance;

/// <summary>The program as one account sees it, and the day its states are computed on.</summary>
/// <param name="Program">
/// Staff: the whole program. An auditor: the controls mapped to the engagement's frameworks with only those mappings,
/// the evidence versions effective inside the window (linked only to those controls), the risks those controls treat,
/// and the judgements of those frameworks recorded by <paramref name="AsOf"/>.
/// </param>
/// <param name="AsOf">
/// Today for staff; for an auditor the window's last day when it has passed (readiness "as of the window").
/// </param>
/// <param name="Windowed">True for an auditor's view, whose states are computed as of <paramref name="AsOf"/>.</param>
public sealed record ProgramView(ComplianceProgram Program, DateOnly AsOf, bool Windowed)
{
    /// <summary>
    /// The view to compute states on. Windowed: evidence speaks for no day after <see cref="AsOf"/> (later versions are
    /// left out and periods running past it end on it), so nothing after the window shows in a status or a reason.
    /// Otherwise the program itself.
    /// </summary>
    public ComplianceProgram AsOfProgram() => !Windowed ? Program : Program with
    {
        Evidence =
        [
            .. Program.Evidence
                .Select(e => e with
                {
                    Versions = [.. e.Versions.Where(v => v.EffectiveFrom <= AsOf).Select(v => v.EffectiveEnd > AsOf ? v with { EffectiveTo = AsOf } : v)],
                })
                .Where(e => e.Versions.Count > 0),
        ],
    };
}

/// <summary>Scoped views: what an auditor may see is decided here once, and every read goes through it.</summary>
public sealed partial class ProgramService
{
    private ProgramView? _view;
    private Account? _viewAccount;

    /// <summary>The day the account's states are computed on (<see cref="ProgramView.AsOf"/>): today for staff, without a load.</summary>
    public async Task<DateOnly> AsOfAsync(Account account, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(account);
        return account.Scope is null ? Today : (await ViewAsync(account, ct)).AsOf;
    }

    /// <summary>The program as <paramref name="account"/> sees it (once per request and account).</summary>
    public async Task<ProgramView> ViewAsync(Account account, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(account);
        if (_view is not null && ReferenceEquals(_viewAccount, account))
        {
            return _view;
        }

        var program = await LoadAsync(ct);
        _view = account.Scope is { } scope ? AuditorView(program, account, scope) : new ProgramView(program, Today, Windowed: false);
        _viewAccount = account;
        return _view;
    }

    /// <summary>Each visible control's state on the account's day (<see cref="ProgramView.AsOf"/>), in program order.</summary>
    public async Task<IReadOnlyList<ControlState>> ControlStatesAsync(Account account, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(account);
        if (account.Scope is null)
        {
            // Staff: from the database's aggregates, without the evidence history.
            var readiness = await cache.ReadinessViewAsync(Today, ct);
            return [.. readiness.Program.Controls.Select(c => readiness.States[c.Id])];
        }

        var view = await ViewAsync(account, ct);
        var states = ControlState.Index(view.AsOfProgram(), view.AsOf, new FreshnessPolicy());
        return [.. view.Program.Controls.Select(c => states[c.Id])];
    }

    // An auditor sees the controls mapped to the engagement's frameworks and those a judgement of those frameworks
    // relies on (the company claims them for the framework, so the auditor must be able to test them).
    private ProgramView AuditorView(ComplianceProgram program, Account account, AuditorScope scope)
    {
        var asOf = scope.To is { } end && end < Today ? end : Today;
        var lastInstant = new DateTimeOffset(asOf.ToDateTime(TimeOnly.MaxValue), TimeSpan.Zero);
        var judgements = program.Judgements.Where(j => scope.SeesFramework(j.Requirement.Framework) && j.At <= lastInstant).ToList();
        var visible = program.Controls.Where(account.SeesControl).Select(c => c.Id)
            .Concat(judgements.SelectMany(j => j.Controls).Select(c => c.Id))
            .ToHashSet(StringComparer.Ordinal);
        var controls = program.Controls.Where(c => visible.Contains(c.Id))
            .Select(c => c with { Mappings = [.. c.Mappings.Where(m => scope.SeesFramework(m.Requirement.Framework))] })
            .ToList();
        var evidence = program.Evidence
            .Where(e => e.ControlIds.Any(visible.Contains))
            .Select(e => e with { ControlIds = [.. e.ControlIds.Where(visible.Contains)], Versions = [.. e.Versions.Where(scope.SeesVersion)] })
            .Where(e => e.Versions.Count > 0)
            .ToList();
        var risks = program.Risks.Where(r => r.ControlIds.Any(visible.Contains))
            .Select(r => r with
            {
                ControlIds = [.. r.ControlIds.Where(visible.Contains)],
                RequirementIds = scope.SeesFramework(FrameworkIds.Iso27001v2022) ? r.RequirementIds : [],
                Plan = [.. r.Plan.Select(a => a with { ControlIds = [.. a.ControlIds.Where(visible.Contains)] })],
            })
            .ToList();
        return new ProgramView(program with { Controls = controls, Evidence = evidence, Risks = risks, Judgements = judgements }, asOf, Windowed: true);
    }
}
