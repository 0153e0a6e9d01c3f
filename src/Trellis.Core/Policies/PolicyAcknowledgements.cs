namespace Trellis.Core.Policies;

/// <summary>Who has and who has not acknowledged a policy's current version.</summary>
/// <param name="PolicyId">Policy ID.</param>
/// <param name="Version">The current version; null when nothing is published (then nobody owes an acknowledgement).</param>
/// <param name="Acknowledged">People of the audience who acknowledged it, with when, by e-mail.</param>
/// <param name="Pending">People of the audience who have not, by e-mail.</param>
public sealed record AcknowledgementStatus(string PolicyId, int? Version, IReadOnlyList<PolicyAcknowledgement> Acknowledged, IReadOnlyList<string> Pending)
{
    /// <summary>Share of the audience that acknowledged, 0–100, rounded down; 100 for an empty audience.</summary>
    public int Percent => Acknowledged.Count + Pending.Count == 0 ? 100 : Acknowledged.Count * 100 / (Acknowledged.Count + Pending.Count);

    /// <summary>
    /// The status of <paramref name="policy"/>'s current version against <paramref name="audience"/> (e-mails, any
    /// case): an acknowledgement of an older version does not count for the current one.
    /// </summary>
    public static AcknowledgementStatus Of(Policy policy, IEnumerable<string> audience)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(audience);
        var people = audience.Select(a => a.Trim().ToLowerInvariant()).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (policy.Current is not { } current)
        {
            return new AcknowledgementStatus(policy.Id, null, [], []);
        }

        var acks = policy.Acknowledgements.Where(a => a.Version == current.Number).GroupBy(a => a.Person).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        return new AcknowledgementStatus(
            policy.Id,
            current.Number,
            [.. people.Where(acks.ContainsKey).Select(p => acks[p])],
            [.. people.Where(p => !acks.ContainsKey(p))]);
    }
}
