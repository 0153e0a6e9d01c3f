namespace Trellis.Testing;

/// <summary>A clock stopped at one instant, for code that takes a <see cref="TimeProvider"/>.</summary>
/// <param name="now">The instant every call returns.</param>
public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow() => now;
}
