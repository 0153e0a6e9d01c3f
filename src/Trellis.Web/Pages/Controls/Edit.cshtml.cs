using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Trellis.Application.Actors;
using Trellis.Application.Compliance;
using Trellis.Core.Common;
using Trellis.Core.Crosswalk;
using Trellis.Core.Frameworks;
using Trellis.Core.Program;
using Trellis.Web.Api;
using Trellis.Web.Auth;

namespace Trellis.Web.Pages.Controls;

/// <summary>
/// Creates (<c>/controls/new</c>) or edits (<c>/controls/{id}/edit</c>) a control: title, description, owner, status,
/// cadence and its mappings chosen from the catalog, with the crosswalk's suggestions; deletes it. Optimistic
/// concurrency on the version read; the form is read as the API's request body, so both save the same control.
/// </summary>
[Authorize(Policy = Policies.ControlsWrite)]
public sealed class EditModel(ProgramService program) : PageModel
{
    /// <summary>Empty mapping rows offered under the existing ones (no script adds rows).</summary>
    private const int BlankMappings = 2;

    /// <summary>The ID of a new control; empty for the next free one.</summary>
    [BindProperty]
    public string? ControlId { get; set; }

    /// <summary>Title.</summary>
    [BindProperty]
    public string Title { get; set; } = "";

    /// <summary>Description.</summary>
    [BindProperty]
    public string? Description { get; set; }

    /// <summary>Owner's e-mail (only managers change it).</summary>
    [BindProperty]
    public string? Owner { get; set; }

    /// <summary>Status wire name.</summary>
    [BindProperty]
    public string Status { get; set; } = ImplementationStatus.Planned.ToWire();

    /// <summary>Cadence wire name.</summary>
    [BindProperty]
    public string Cadence { get; set; } = Core.Program.Cadence.Annual.ToWire();

    /// <summary>Mappings; rows without a requirement are dropped.</summary>
    [BindProperty]
    public List<MappingInput> Mappings { get; set; } = [];

    /// <summary>Crosswalk suggestions ticked to add, as <c>framework|requirement|relationship</c>.</summary>
    [BindProperty]
    public List<string> Suggested { get; set; } = [];

    /// <summary>The version the form was read at; 0 for a new control.</summary>
    [BindProperty]
    public int Version { get; set; }

    /// <summary>The delete form's confirmation box.</summary>
    [BindProperty]
    public bool ConfirmDelete { get; set; }

    /// <summary>True on <c>/controls/new</c>.</summary>
    public bool IsNew { get; private set; }

    /// <summary>The control's ID when editing.</summary>
    public string Id { get; private set; } = "";

    /// <summary>True for admins and compliance managers: they change the owner and delete.</summary>
    public bool CanManage { get; private set; }

    /// <summary>Why saving failed.</summary>
    public string? Message { get; private set; }

    /// <summary>Every framework of the catalog.</summary>
    public IReadOnlyList<Framework> Frameworks { get; private set; } = [];

    /// <summary>The crosswalk's suggestions for the mappings shown.</summary>
    public IReadOnlyList<MappingSuggestion> Suggestions { get; private set; } = [];

    /// <summary>Shows the form, filled from the stored control or empty.</summary>
    public async Task<IActionResult> OnGetAsync(string? id, CancellationToken ct)
    {
        if (await LoadAsync(id, fill: true, ct) is { } refused)
        {
            return refused;
        }

        return await ShowAsync(null, ct);
    }

    /// <summary>Saves (creates on <c>/controls/new</c>).</summary>
    public async Task<IActionResult> OnPostAsync(string? id, CancellationToken ct)
    {
        if (await LoadAsync(id, fill: false, ct) is { } refused)
        {
            return refused;
        }

        var control = ControlEndpoints.Parse(IsNew ? ControlId?.Trim() ?? "" : Id, new ControlRequest(Title, Description, Owner, Cadence, Status, Requested()));
        if (!control.IsSuccess)
        {
            return await ShowAsync(control.Error!.Message, ct);
        }

        var account = HttpContext.Account();
        var saved = IsNew ? await program.CreateControlAsync(account, control.Value, ct) : await program.SaveControlAsync(account, control.Value, Version, ct);
        if (!saved.IsSuccess)
        {
            return saved.Error!.Code switch
            {
                ErrorCodes.Forbidden => Forbid(),
                ErrorCodes.ConcurrencyConflict => await ShowAsync("Someone changed this control meanwhile: reload and apply your change again.", ct),
                _ => await ShowAsync(saved.Error.Message, ct),
            };
        }

        return Redirect($"/controls/{Uri.EscapeDataString(saved.Value.Value.Id)}");
    }

    /// <summary>Shows the form again with the ticked suggestions added and the suggestions and requirement lists updated; saves nothing.</summary>
    public async Task<IActionResult> OnPostRefreshAsync(string? id, CancellationToken ct)
    {
        if (await LoadAsync(id, fill: false, ct) is { } refused)
        {
            return refused;
        }

        Mappings = [.. Requested().Select(m => new MappingInput { Framework = m.Framework, Requirement = m.Requirement, Relationship = m.Relationship })];
        Suggested = [];
        return await ShowAsync(null, ct);
    }

    /// <summary>Deletes the control once the box is ticked (admins and compliance managers).</summary>
    public async Task<IActionResult> OnPostDeleteAsync(string? id, CancellationToken ct)
    {
        if (await LoadAsync(id, fill: false, ct) is { } refused)
        {
            return refused;
        }

        if (IsNew || !CanManage)
        {
            return Forbid();
        }

        if (!ConfirmDelete)
        {
            await LoadAsync(id, fill: true, ct);
            return await ShowAsync("Tick the box to confirm the deletion.", ct);
        }

        var deleted = await program.DeleteControlAsync(HttpContext.Account(), Id, Version, ct);
        if (!deleted.IsSuccess)
        {
            await LoadAsync(id, fill: true, ct);
            return await ShowAsync(deleted.Error!.Code == ErrorCodes.ConcurrencyConflict ? "Someone changed this control meanwhile: reload before deleting it." : deleted.Error.Message, ct);
        }

        return Redirect("/controls");
    }

    /// <summary>The mappings of the form: the rows with a requirement, then the ticked suggestions not already there.</summary>
    private List<MappingRequest> Requested()
    {
        var rows = Mappings.Where(m => !string.IsNullOrWhiteSpace(m.Requirement) && !string.IsNullOrWhiteSpace(m.Framework))
            .Select(m => new MappingRequest(m.Framework!.Trim(), m.Requirement!.Trim(), m.Relationship ?? "")).ToList();
        foreach (var s in Suggested)
        {
            var parts = s.Split('|');
            if (parts.Length == 3 && !rows.Any(r => r.Framework == parts[0] && r.Requirement == parts[1]))
            {
                rows.Add(new MappingRequest(parts[0], parts[1], parts[2]));
            }
        }

        return rows;
    }

    // Reads the stored control (when editing) and checks the account may edit it; fills the form from it when asked.
    private async Task<IActionResult?> LoadAsync(string? id, bool fill, CancellationToken ct)
    {
        var account = HttpContext.Account();
        (IsNew, CanManage) = (id is null, account.ManagesProgram);
        if (IsNew)
        {
            return CanManage ? null : Forbid();
        }

        var stored = await program.GetControlAsync(account, id!, ct);
        if (!stored.IsSuccess)
        {
            return NotFound();
        }

        var c = stored.Value.Value;
        if (!account.EditsControl(c))
        {
            return Forbid();
        }

        Id = c.Id;
        if (!CanManage)
        {
            Owner = c.Owner; // a control owner cannot hand the control to someone else
        }

        if (fill)
        {
            (Title, Description, Owner, Status, Cadence, Version) = (c.Title, c.Description, c.Owner, c.Status.ToWire(), c.Cadence.ToWire(), stored.Value.Version);
            Mappings = [.. c.Mappings.Select(m => new MappingInput { Framework = m.Requirement.Framework, Requirement = m.Requirement.Requirement, Relationship = m.Relationship.ToWire() })];
        }

        return null;
    }

    private async Task<PageResult> ShowAsync(string? message, CancellationToken ct)
    {
        Message = message;
        Frameworks = (await program.CatalogAsync(ct)).Frameworks;
        var known = Mappings
            .Where(m => !string.IsNullOrWhiteSpace(m.Requirement) && m.Framework is not null && Relationships.TryParse(m.Relationship, out Relationship _))
            .Select(m => new ControlMapping(new RequirementRef(m.Framework!, m.Requirement!.Trim()), Relationships.TryParse(m.Relationship, out Relationship r) ? r : Relationship.IntersectsWith))
            .ToList();
        Suggestions = await program.SuggestMappingsAsync(new Control { Id = Id, Title = Title, Mappings = known }, ct);
        Mappings = [.. Mappings.Where(m => !string.IsNullOrWhiteSpace(m.Requirement))];
        var framework = Mappings.LastOrDefault()?.Framework ?? FrameworkIds.Iso27001v2022;
        for (var i = 0; i < BlankMappings; i++)
        {
            Mappings.Add(new MappingInput { Framework = framework, Relationship = Relationship.IntersectsWith.ToWire() });
        }

        return Page();
    }

    /// <summary>One mapping row of the form.</summary>
    public sealed class MappingInput
    {
        /// <summary>Framework ID.</summary>
        public string? Framework { get; set; }

        /// <summary>Requirement ID in that framework.</summary>
        public string? Requirement { get; set; }

        /// <summary>The control's relationship to the requirement (wire name).</summary>
        public string? Relationship { get; set; }
    }
}
