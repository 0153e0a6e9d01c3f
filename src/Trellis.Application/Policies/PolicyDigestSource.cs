using System.Globalization;
using Trellis.Application.Operations;
using Trellis.Core.Policies;
using Trellis.Data;

namespace Trellis.Application.Policies;

/// <summary>
/// The policy lines of the daily digest: each person of the audience is told which published policies they have not
/// acknowledged; each policy's owner is told when its review is due within <see cref="ReviewSoonDays"/> days or past.
/// </summary>
public sealed class PolicyDigestSource(ProgramStore store, IPolicyAudience audience) : IDigestSource
{
    /// <summary>Kind: a published policy the person has not acknowledged.</summary>
    public const string AcknowledgementPending = "policy-acknowledgement-pending";

    /// <summary>Kind: a policy whose review is due within <see cref="ReviewSoonDays"/> days, or overdue.</summary>
    public const string ReviewDue = "policy-review-due";

    /// <summary>Reviews due within this many days are listed: 30.</summary>
    public const int ReviewSoonDays = 30;

    /// <inheritdoc />
    public async Task<IReadOnlyList<PersonDigestItem>> DigestItemsAsync(DateOnly today, CancellationToken ct)
    {
        var people = await audience.PeopleAsync(ct);
        var items = new List<PersonDigestItem>();
        foreach (var p in await store.PoliciesAsync(ct))
        {
            var status = AcknowledgementStatus.Of(p, people);
            foreach (var person in status.Pending)
            {
                items.Add(new PersonDigestItem(person, new DigestItem(AcknowledgementPending, p.Id, $"{p.Id} {p.Title}: read and acknowledge version {status.Version}", null)));
            }

            if (p.ReviewDue is { } due && due <= today.AddDays(ReviewSoonDays))
            {
                var when = due < today ? "review overdue since" : "review due";
                items.Add(new PersonDigestItem(p.Owner, new DigestItem(ReviewDue, p.Id, string.Create(CultureInfo.InvariantCulture, $"{p.Id} {p.Title}: {when} {due:yyyy-MM-dd}"), due)));
            }
        }

        return items;
    }
}
