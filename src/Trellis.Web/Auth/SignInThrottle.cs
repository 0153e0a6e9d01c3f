using Microsoft.Extensions.Options;
using Trellis.Application.Actors;
using Trellis.Web.Hosting;

namespace Trellis.Web.Auth;

/// <summary>
/// Slows password guessing at the sign-in form without locking anyone out of anything else: counts failed password
/// sign-ins per e-mail (whether or not an account has it) and per client address, and while either count has
/// reached its limit (<see cref="TrellisWebOptions.SignInFailuresPerEmail"/>, <see cref="TrellisWebOptions.SignInFailuresPerSource"/>)
/// inside <see cref="TrellisWebOptions.SignInThrottleWindow"/>, refuses that password sign-in with the same answer as a
/// wrong password. API tokens, open sessions and single sign-on are never affected, and the account is never
/// locked: anyone can fail sign-ins for <c>admin@localhost</c>, so a lock would be a denial of service (OWASP
/// Authentication Cheat Sheet, "Account Lockout").
/// </summary>
/// <remarks>
/// The counts live in this process's memory: each instance of a scaled-out deployment counts on its own, and a restart
/// forgets them. Each count is kept for at most <see cref="MaxTrackedKeys"/> e-mails and as many addresses; when full,
/// windows that ended are dropped, and an e-mail or address first seen while it is still full is not counted (the other
/// count and the per-minute rate limit of the form still apply).
/// </remarks>
public sealed class SignInThrottle(TimeProvider clock, IOptions<TrellisWebOptions> options)
{
    /// <summary>Most e-mails (and, separately, client addresses) counted at once: 100,000.</summary>
    public const int MaxTrackedKeys = 100_000;

    private readonly Lock _gate = new();
    private readonly Dictionary<string, Window> _byEmail = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Window> _bySource = new(StringComparer.Ordinal);

    /// <summary>True when password sign-in for <paramref name="email"/> from <paramref name="source"/> is refused for now.</summary>
    public bool IsThrottled(string email, string source)
    {
        var o = options.Value;
        var now = clock.GetUtcNow();
        lock (_gate)
        {
            return Reached(_byEmail, EmailKey(email), o.SignInFailuresPerEmail, now, o.SignInThrottleWindow)
                || Reached(_bySource, source, o.SignInFailuresPerSource, now, o.SignInThrottleWindow);
        }
    }

    /// <summary>Counts a failed password sign-in against the e-mail and the client address.</summary>
    public void RecordFailure(string email, string source)
    {
        var window = options.Value.SignInThrottleWindow;
        var now = clock.GetUtcNow();
        lock (_gate)
        {
            Count(_byEmail, EmailKey(email), now, window);
            Count(_bySource, source, now, window);
        }
    }

    /// <summary>
    /// Forgets the e-mail's failures after a successful sign-in. The address keeps its count, or one person could
    /// reset it by signing in to an account of their own between guesses at another.
    /// </summary>
    public void RecordSuccess(string email)
    {
        lock (_gate)
        {
            _byEmail.Remove(EmailKey(email));
        }
    }

    // E-mails compare as Identity's normalized e-mail does; a key is never longer than the longest e-mail.
    private static string EmailKey(string email)
    {
        var key = email.Trim().ToUpperInvariant();
        return key.Length > AccountLimits.MaxEmailLength ? key[..AccountLimits.MaxEmailLength] : key;
    }

    private static bool Reached(Dictionary<string, Window> counts, string key, int limit, DateTimeOffset now, TimeSpan length) =>
        counts.TryGetValue(key, out var w) && now < w.Start + length && w.Failures >= limit;

    private static void Count(Dictionary<string, Window> counts, string key, DateTimeOffset now, TimeSpan length)
    {
        if (counts.TryGetValue(key, out var w) && now < w.Start + length)
        {
            counts[key] = w with { Failures = w.Failures + 1 };
            return;
        }

        if (!counts.ContainsKey(key) && counts.Count >= MaxTrackedKeys)
        {
            foreach (var ended in counts.Where(c => now >= c.Value.Start + length).Select(c => c.Key).ToList())
            {
                counts.Remove(ended);
            }

            if (counts.Count >= MaxTrackedKeys)
            {
                return;
            }
        }

        counts[key] = new Window(now, 1);
    }

    private readonly record struct Window(DateTimeOffset Start, int Failures);
}
