using Trellis.Core.Audits;

namespace Trellis.Application.Actors;

/// <summary>Fills an auditor's scope from the engagement on record.</summary>
public static class AuditorScopes
{
    /// <summary>
    /// The scope with what was left blank taken from <paramref name="engagement"/>: its framework, and as the evidence
    /// window its observation window (a Type 2 or a sampled period) or its as-of day (a Type 1). An ISO audit without
    /// a window keeps an open window: the auditor sees the framework's evidence of any date.
    /// </summary>
    public static AuditorScope Complete(AuditorScope scope, Engagement engagement)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(engagement);
        var frameworks = scope.Frameworks.Count > 0 ? scope.Frameworks : new HashSet<string>(StringComparer.Ordinal) { engagement.Framework };
        if (scope.From is not null || scope.To is not null)
        {
            return scope with { Frameworks = frameworks };
        }

        if (engagement.Window is { } window)
        {
            return scope with { Frameworks = frameworks, From = window.Start, To = window.End };
        }

        return engagement.AsOf is { } asOf
            ? scope with { Frameworks = frameworks, From = asOf, To = asOf }
            : scope with { Frameworks = frameworks };
    }
}
