using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Trellis.Application.Actors;
using Trellis.Application.Compliance;
using Trellis.Application.Engagements;
using Trellis.Application.Exports;
using Trellis.Core.Common;
using Trellis.Core.Program;
using Trellis.Core.Risks;
using Trellis.Web.Api;
using Trellis.Web.Auth;

namespace Trellis.Web.Pages.Risks;

/// <summary>
/// Creates (<c>/risks/new</c>) or edits (<c>/risks/{id}/edit</c>) a risk of the register (ISO/IEC 27001:2022 6.1.2,
/// 6.1.3): ratings on the program's matrix, treatment, controls, plan and acceptance, with optimistic concurrency;
/// deletes it (with a confirmation box).
/// </summary>
[Authorize(Policy = Policies.RisksWrite)]
public sealed class EditModel(ProgramService program) : PageModel
{
    /// <summary>Empty plan rows offered under the existing actions (no script adds rows).</summary>
    private const int BlankActions = 2;

    /// <summary>The risk ID (typed in for a new risk; from the path otherwise).</summary>
    [BindProperty]
    public string RiskId { get; set; } = "";

    /// <summary>Scenario.</summary>
    [BindProperty]
    public string Title { get; set; } = "";

    /// <summary>Asset or process.</summary>
    [BindProperty]
    public string? Asset { get; set; }

    /// <summary>Threat.</summary>
    [BindProperty]
    public string? Threat { get; set; }

    /// <summary>Vulnerability.</summary>
    [BindProperty]
    public string? Vulnerability { get; set; }

    /// <summary>Risk owner.</summary>
    [BindProperty]
    public string? Owner { get; set; }

    /// <summary>Likelihood before treatment.</summary>
    [BindProperty]
    public int InherentLikelihood { get; set; } = 1;

    /// <summary>Impact before treatment.</summary>
    [BindProperty]
    public int InherentImpact { get; set; } = 1;

    /// <summary>Likelihood after treatment.</summary>
    [BindProperty]
    public int ResidualLikelihood { get; set; } = 1;

    /// <summary>Impact after treatment.</summary>
    [BindProperty]
    public int ResidualImpact { get; set; } = 1;

    /// <summary>Treatment wire name.</summary>
    [BindProperty]
    public string Treatment { get; set; } = RiskTreatment.Modify.ToWire();

    /// <summary>Controls that treat the risk.</summary>
    [BindProperty]
    public List<string> Controls { get; set; } = [];

    /// <summary>Requirements the treatment needs, comma-separated (Annex A IDs or framework:requirement).</summary>
    [BindProperty]
    public string? Requirements { get; set; }

    /// <summary>Treatment plan; rows without a description are dropped.</summary>
    [BindProperty]
    public List<ActionInput> Plan { get; set; } = [];

    /// <summary>Who accepted the residual risk.</summary>
    [BindProperty]
    public string? Approver { get; set; }

    /// <summary>When it was accepted (today when left empty).</summary>
    [BindProperty]
    public DateOnly? AcceptedOn { get; set; }

    /// <summary>When the acceptance must be renewed.</summary>
    [BindProperty]
    public DateOnly? Expires { get; set; }

    /// <summary>The version the form was read at; 0 for a new risk.</summary>
    [BindProperty]
    public int Version { get; set; }

    /// <summary>The delete form's confirmation box.</summary>
    [BindProperty]
    public bool ConfirmDelete { get; set; }

    /// <summary>True on <c>/risks/new</c>.</summary>
    public bool IsNew { get; private set; }

    /// <summary>Why saving failed.</summary>
    public string? Message { get; private set; }

    /// <summary>The program's matrix.</summary>
    public RiskMatrix Matrix { get; private set; } = RiskMatrix.Default;

    /// <summary>The controls that can be linked.</summary>
    public IReadOnlyList<Control> ControlChoices { get; private set; } = [];

    /// <summary>Shows the form, filled from the stored risk or with a free ID.</summary>
    public async Task<IActionResult> OnGetAsync(string? id, CancellationToken ct)
    {
        var p = await LoadChoicesAsync(id, ct);
        if (IsNew)
        {
            RiskId = NextId(p);
        }
        else
        {
            var stored = await program.GetRiskAsync(HttpContext.Account(), id!, ct);
            if (!stored.IsSuccess)
            {
                return NotFound();
            }

            Fill(stored.Value.Value);
            Version = stored.Value.Version;
        }

        AddBlankActions();
        return Page();
    }

    /// <summary>Saves.</summary>
    public async Task<IActionResult> OnPostAsync(string? id, CancellationToken ct)
    {
        await LoadChoicesAsync(id, ct);
        if (!IsNew)
        {
            RiskId = id!;
        }

        if (!RiskTreatments.TryParse(Treatment, out _))
        {
            return Failed("Choose a treatment.");
        }

        // The form is read as the API's request body, so a risk saved from the page and one PUT to the API are the same.
        var acceptance = string.IsNullOrWhiteSpace(Approver) && AcceptedOn is null && Expires is null
            ? null
            : new RiskAcceptanceRequest(Approver ?? "", AcceptedOn, Expires);
        var request = new RiskRequest(
            Title ?? "", Asset, Threat, Vulnerability, Owner, InherentLikelihood, InherentImpact, ResidualLikelihood, ResidualImpact, Treatment!,
            [.. Controls.Where(c => !string.IsNullOrWhiteSpace(c)).Distinct(StringComparer.Ordinal)],
            SplitIds(Requirements),
            [.. Plan.Where(a => !string.IsNullOrWhiteSpace(a.Description)).Select(a => new TreatmentActionRequest(a.Description!.Trim(), SplitIds(a.Controls), a.Due, a.Done))],
            acceptance);
        var risk = request.ToRisk(RiskId.Trim(), program.Today).Value;
        var saved = await program.SaveRiskAsync(HttpContext.Account(), risk, Version == 0 ? null : Version, ct);
        if (!saved.IsSuccess)
        {
            return saved.Error!.Code switch
            {
                ErrorCodes.Forbidden => Forbid(),
                ErrorCodes.ConcurrencyConflict => Failed("Someone changed this risk meanwhile: reload and apply your change again."),
                ErrorCodes.PreconditionRequired => Failed($"Risk {risk.Id} already exists: edit it from the register instead."),
                _ => Failed(saved.Error.Message),
            };
        }

        return Redirect("/risks");
    }

    /// <summary>Deletes the risk and its plan once the box is ticked.</summary>
    public async Task<IActionResult> OnPostDeleteAsync(string? id, CancellationToken ct)
    {
        await LoadChoicesAsync(id, ct);
        if (IsNew)
        {
            return NotFound();
        }

        var stored = await program.GetRiskAsync(HttpContext.Account(), id!, ct);
        if (!stored.IsSuccess)
        {
            return NotFound();
        }

        var version = Version;
        Fill(stored.Value.Value);
        Version = stored.Value.Version;
        if (!ConfirmDelete)
        {
            return Failed("Tick the box to confirm the deletion.");
        }

        var deleted = await program.DeleteRiskAsync(HttpContext.Account(), id!, version, ct);
        if (!deleted.IsSuccess)
        {
            return deleted.Error!.Code switch
            {
                ErrorCodes.Forbidden => Forbid(),
                ErrorCodes.ConcurrencyConflict => Failed("Someone changed this risk meanwhile: reload before deleting it."),
                _ => Failed(deleted.Error.Message),
            };
        }

        return Redirect("/risks");
    }

    private PageResult Failed(string message)
    {
        Message = message;
        AddBlankActions();
        return Page();
    }

    private async Task<ComplianceProgram> LoadChoicesAsync(string? id, CancellationToken ct)
    {
        IsNew = id is null;
        var p = await program.LoadAsync(ct);
        (Matrix, ControlChoices) = (p.RiskMatrix, p.Controls);
        return p;
    }

    private void Fill(Risk r)
    {
        (RiskId, Title, Asset, Threat, Vulnerability, Owner) = (r.Id, r.Title, r.Asset, r.Threat, r.Vulnerability, r.Owner);
        (InherentLikelihood, InherentImpact, ResidualLikelihood, ResidualImpact) = (r.InherentLikelihood, r.InherentImpact, r.ResidualLikelihood, r.ResidualImpact);
        (Treatment, Controls, Requirements) = (r.Treatment.ToWire(), [.. r.ControlIds], string.Join(", ", r.RequirementIds));
        Plan = [.. r.Plan.Select(a => new ActionInput { Description = a.Description, Controls = string.Join(", ", a.ControlIds), Due = a.Due, Done = a.Done })];
        (Approver, AcceptedOn, Expires) = (r.Acceptance?.Approver, r.Acceptance?.AcceptedOn, r.Acceptance?.Expires);
    }

    private void AddBlankActions()
    {
        Plan = [.. Plan.Where(a => !string.IsNullOrWhiteSpace(a.Description))];
        for (var i = 0; i < BlankActions; i++)
        {
            Plan.Add(new ActionInput());
        }
    }

    private static List<string> SplitIds(string? text) =>
        [.. (text ?? "").Split([',', ' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.Ordinal)];

    private static string NextId(ComplianceProgram p)
    {
        var taken = p.Risks.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        for (var n = p.Risks.Count + 1; ; n++)
        {
            var id = "R-" + n.ToString("00", CultureInfo.InvariantCulture);
            if (!taken.Contains(id))
            {
                return id;
            }
        }
    }

    /// <summary>One row of the treatment plan form.</summary>
    public sealed class ActionInput
    {
        /// <summary>What will be done.</summary>
        public string? Description { get; set; }

        /// <summary>Controls it puts in place, comma-separated.</summary>
        public string? Controls { get; set; }

        /// <summary>Due date.</summary>
        public DateOnly? Due { get; set; }

        /// <summary>Completed.</summary>
        public bool Done { get; set; }
    }
}
