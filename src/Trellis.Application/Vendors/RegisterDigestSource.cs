using Trellis.Application.Operations;
using Trellis.Core.People;
using Trellis.Core.Vendors;
using Trellis.Data;

namespace Trellis.Application.Vendors;

/// <summary>
/// The registers' lines in the daily digest: vendor reviews due or overdue and assurance expiring or expired (to the
/// vendor's owner), and open off-boarding items (to the leaver's manager). Lines name vendors and systems; a leaver is
/// named by e-mail only to their manager, who knows them.
/// </summary>
public sealed class RegisterDigestSource(ProgramStore store) : IDigestSource
{
    /// <summary>Kind: a vendor review due within <see cref="VendorStanding.ExpiringDays"/> days, or overdue.</summary>
    public const string VendorReviewDue = "vendor-review-due";

    /// <summary>Kind: a vendor's SOC 2 report or ISO certificate expiring or expired, or its opinion modified.</summary>
    public const string AssuranceExpiring = "assurance-expiring";

    /// <summary>Kind: a leaver's access still to be removed.</summary>
    public const string OffboardingOpen = "offboarding-open";

    /// <inheritdoc />
    public async Task<IReadOnlyList<PersonDigestItem>> DigestItemsAsync(DateOnly today, CancellationToken ct)
    {
        var items = new List<PersonDigestItem>();
        foreach (var v in (await store.VendorsAsync(ct).ConfigureAwait(false)).Where(v => v.Owner.Length > 0))
        {
            foreach (var w in VendorStanding.Warnings(v, today))
            {
                var kind = w.Kind is VendorStanding.ReviewOverdue or VendorStanding.ReviewDueSoon ? VendorReviewDue : AssuranceExpiring;
                items.Add(new PersonDigestItem(v.Owner, new DigestItem(kind, v.Id, w.Text, w.On)));
            }
        }

        var settings = await store.PeopleSettingsAsync(ct).ConfigureAwait(false);
        foreach (var p in (await store.PeopleAsync(ct).ConfigureAwait(false)).Where(p => p.IsLeaver && !string.IsNullOrEmpty(p.Manager)))
        {
            var state = Offboarding.StateOf(p, settings, today)!;
            if (state.Open > 0 && p.EndDate <= today)
            {
                var open = string.Join(", ", p.Offboarding.Where(i => !i.Done).Select(i => i.System));
                items.Add(new PersonDigestItem(p.Manager!, new DigestItem(OffboardingOpen, p.Id, $"{p.Email} left {p.EndDate:yyyy-MM-dd}: remove access to {open} (due {state.Due:yyyy-MM-dd})", state.Due)));
            }
        }

        return items;
    }
}
