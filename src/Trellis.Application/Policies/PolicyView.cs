using Trellis.Core.Policies;

namespace Trellis.Application.Policies;

/// <summary>A policy as an account sees it, with who has and who has not acknowledged its current version.</summary>
/// <param name="Policy">The policy (an auditor sees published versions only).</param>
/// <param name="Acknowledgements">Acknowledgement status of the current version against the audience.</param>
public sealed record PolicyView(Policy Policy, AcknowledgementStatus Acknowledgements)
{
    /// <summary>The version shown by default: the current one, else the newest.</summary>
    public PolicyVersion Shown => Policy.Current ?? Policy.Latest;

    /// <summary>The shown version's text as sanitized HTML.</summary>
    public string Html => Exchange.Policies.PolicyMarkdown.ToHtml(Shown.Body);
}

/// <summary>What a new policy is made of (create and adopt).</summary>
/// <param name="Id">ID (<c>POL-001</c> or a slug).</param>
/// <param name="Title">Title.</param>
/// <param name="Owner">Owner's e-mail.</param>
/// <param name="Body">Markdown text of version 1.</param>
public sealed record NewPolicy(string Id, string Title, string Owner, string Body)
{
    /// <summary>Review cadence wire name (default <c>annual</c>).</summary>
    public string? ReviewCadence { get; init; }

    /// <summary>Requirements as <c>framework:id</c>.</summary>
    public IReadOnlyList<string> Requirements { get; init; } = [];

    /// <summary>Control IDs it names.</summary>
    public IReadOnlyList<string> Controls { get; init; } = [];

    /// <summary>The people who must approve version 1 (e-mails), named ahead of its submission.</summary>
    public IReadOnlyList<string> Approvers { get; init; } = [];
}
