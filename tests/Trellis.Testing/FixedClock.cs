namespace Trellis.Testing;

/// <summary>A clock stopped at one instant, for code that takes a <see cref="TimeProvider"/>.</summary>
/// <param name="now">The instant <see cref="GetUtcNow"/> returns.</param>
public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    /// <summary>A clock at <paramref name="hour"/>:00 UTC on the given day.</summary>
    public static FixedClock At(int year, int month, int day, int hour = 12) => new(new DateTimeOffset(year, month, day, hour, 0, 0, TimeSpan.Zero));

    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow() => now;
}
