using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Trellis.Application.Compliance;
using Trellis.Application.Operations;
using Trellis.Core.Common;
using Trellis.Core.Operations;
using Trellis.Web.Auth;
using Trellis.Web.Hosting;
using Trellis.Web.Pages.Shared;

namespace Trellis.Web.Pages.Tasks;

/// <summary>
/// <c>/tasks</c>: the recurring work of the controls' cadences — the signed-in person's by default ("my tasks"),
/// everyone's with <c>?who=all</c> — with forms to complete (file or link), reassign, snooze and mark "did not occur".
/// One page at a time (<c>?page</c>, <c>?pageSize</c>): tasks are derived from the controls' cadences and their
/// evidence, not stored rows, so they are counted and cut in memory; with 2,000 controls everyone's tasks run to
/// thousands of rows, each with its forms.
/// </summary>
[Authorize(Policy = Policies.InternalRead)]
public sealed class IndexModel(TaskService tasks, IOptions<TrellisWebOptions> options) : PageModel
{
    /// <summary><c>mine</c> (default) or <c>all</c>.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Who { get; set; }

    /// <summary><c>pending</c> (default) or <c>all</c>.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Show { get; set; }

    /// <summary>The tasks of this page.</summary>
    public IReadOnlyList<ControlTask> Tasks { get; private set; } = [];

    /// <summary>The paging (<c>?page</c>, <c>?pageSize</c>) and the number of tasks listed on all pages.</summary>
    public ListRequest List { get; private set; } = null!;

    /// <summary>Tasks of each status on all pages.</summary>
    public IReadOnlyDictionary<ControlTaskStatus, int> Counts { get; private set; } = new Dictionary<ControlTaskStatus, int>();

    /// <summary>Today.</summary>
    public DateOnly Today => tasks.Today;

    /// <summary>The signed-in person's e-mail.</summary>
    public string Me => HttpContext.Account().Email;

    /// <summary>True when everyone's tasks are shown.</summary>
    public bool All => Who == "all";

    /// <summary>True when finished tasks are shown too.</summary>
    public bool ShowFinished => Show == "all";

    /// <summary>Tasks of <paramref name="status"/> on all pages.</summary>
    public int Count(ControlTaskStatus status) => Counts.GetValueOrDefault(status);

    /// <summary>The outcome of the last action.</summary>
    public string? Message { get; private set; }

    /// <summary>True when <see cref="Message"/> says why the last action failed.</summary>
    public bool Failed { get; private set; }

    /// <summary>Lists.</summary>
    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await ListAsync(ct);

    /// <summary>Completes a task with a file or a link.</summary>
    public async Task<IActionResult> OnPostCompleteAsync(string id, string? url, IFormFile? file, CancellationToken ct)
    {
        byte[]? content = null;
        string? name = null;
        string? media = null;
        if (file is { Length: > 0 })
        {
            if (file.Length > options.Value.MaxUploadBytes)
            {
                return await ListAsync(ct, $"the file is larger than {options.Value.MaxUploadBytes / (1024 * 1024)} MiB", true);
            }

            await using var stream = file.OpenReadStream();
            var received = await EvidenceFiles.ReceiveAsync(stream, file.FileName, file.ContentType, options.Value.MaxUploadBytes, ct);
            if (!received.IsSuccess)
            {
                return await ListAsync(ct, received.Error!.Message, true);
            }

            await using var held = received.Value;
            content = await received.Value.ReadAllBytesAsync(ct);
            (name, media) = (received.Value.FileName, received.Value.MediaType);
        }

        var saved = await tasks.CompleteAsync(HttpContext.Account(), id, new TaskEvidence(content, name, media, content is null ? url : null), ct);
        return saved.IsSuccess
            ? await ListAsync(ct, $"Completed {id} with {saved.Value.Value.Id}.", false)
            : await ListAsync(ct, saved.Error!.Message, true);
    }

    /// <summary>Gives a task to another person.</summary>
    public async Task<IActionResult> OnPostReassignAsync(string id, string? assignee, CancellationToken ct) =>
        await AfterAsync(await tasks.ReassignAsync(HttpContext.Account(), id, assignee ?? "", ct), t => $"{t.Id} is now {t.Owner}'s.", ct);

    /// <summary>Puts a task off.</summary>
    public async Task<IActionResult> OnPostSnoozeAsync(string id, DateOnly? until, string? reason, CancellationToken ct) =>
        until is not { } day
            ? await ListAsync(ct, "choose the day the task is put off until", true)
            : await AfterAsync(await tasks.SnoozeAsync(HttpContext.Account(), id, day, reason ?? "", ct), t => $"{t.Id} is snoozed until {day:yyyy-MM-dd}.", ct);

    /// <summary>Records that the control did not operate in the period.</summary>
    public async Task<IActionResult> OnPostDidNotOccurAsync(string id, string? reason, CancellationToken ct) =>
        await AfterAsync(await tasks.DidNotOccurAsync(HttpContext.Account(), id, reason ?? "", ct), t => $"{t.Id} is recorded as not occurred.", ct);

    private async Task<IActionResult> AfterAsync(Result<ControlTask> result, Func<ControlTask, string> said, CancellationToken ct) =>
        result.IsSuccess ? await ListAsync(ct, said(result.Value), false) : await ListAsync(ct, result.Error!.Message, true);

    private async Task<IActionResult> ListAsync(CancellationToken ct, string? message = null, bool failed = false)
    {
        (Message, Failed) = (message, failed);
        var account = HttpContext.Account();
        var found = await tasks.ListAsync(account, new TaskQuery(Owner: All ? null : account.Email, PendingOnly: !ShowFinished), ct);
        if (!found.IsSuccess)
        {
            return Forbid();
        }

        // Overdue first (oldest first), then snoozed, then open by due day; finished last.
        List = ListRequest.From(Request);
        List.Total = found.Value.Count;
        Counts = found.Value.GroupBy(t => t.Status).ToDictionary(g => g.Key, g => g.Count());
        Tasks = [.. found.Value.OrderBy(t => t.Status switch
        {
            ControlTaskStatus.Overdue => 0,
            ControlTaskStatus.Snoozed => 1,
            ControlTaskStatus.Open => 2,
            _ => 3,
        }).ThenBy(t => t.Due).ThenBy(t => t.ControlId, StringComparer.Ordinal).Skip(List.Window.Skip).Take(List.Window.PageSize)];
        return Page();
    }
}
