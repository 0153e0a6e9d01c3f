namespace Trellis.Application.Operations;

/// <summary>One digest line addressed to one person.</summary>
/// <param name="Person">The person's e-mail.</param>
/// <param name="Item">The line.</param>
public sealed record PersonDigestItem(string Person, DigestItem Item);

/// <summary>
/// An area that tells people about work waiting for them in the daily digest (policies to acknowledge, vendor reviews
/// due, …). Registered in the composition roots; <see cref="DigestService"/> merges every source's lines with its own.
/// A source computes from the program as a manager sees it and writes nothing.
/// </summary>
public interface IDigestSource
{
    /// <summary>The lines this area adds to today's digests.</summary>
    Task<IReadOnlyList<PersonDigestItem>> DigestItemsAsync(DateOnly today, CancellationToken ct);
}
