namespace Trellis.Testing;

/// <summary>A <see cref="TimeProvider"/> stopped at one instant, for code that measures from "today".</summary>
/// <param name="now">The instant <see cref="GetUtcNow"/> returns.</param>
public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    /// <summary>A clock at midnight UTC of the given calendar date.</summary>
    public static FixedClock On(int year, int month, int day) => new(new DateTimeOffset(year, month, day, 0, 0, 0, TimeSpan.Zero));

    /// <summary>A clock at <paramref name="hour"/>:00 UTC on the given day.</summary>
    public static FixedClock At(int year, int month, int day, int hour = 12) => new(new DateTimeOffset(year, month, day, hour, 0, 0, TimeSpan.Zero));

    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow() => now;
}
