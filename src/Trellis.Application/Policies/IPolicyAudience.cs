namespace Trellis.Application.Policies;

/// <summary>
/// The people who must acknowledge published policies. For now every web account that is not an auditor
/// (<c>Trellis.Web.Hosting.AccountAudience</c>); one implementation to switch to "current staff" of the people register.
/// </summary>
public interface IPolicyAudience
{
    /// <summary>Their e-mails (any case; compared lower case).</summary>
    Task<IReadOnlyList<string>> PeopleAsync(CancellationToken ct);
}
