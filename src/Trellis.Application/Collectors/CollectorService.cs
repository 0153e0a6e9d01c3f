using Cronos;
using Trellis.Application.Actors;
using Trellis.Application.Compliance;
using Trellis.Collectors;
using Trellis.Collectors.Checks;
using Trellis.Core.Common;
using Trellis.Data;
using Trellis.Data.Rows;

namespace Trellis.Application.Collectors;

/// <summary>
/// Collectors (issue 19): add a configuration (its secret protected), list them with their last run, and run one —
/// the run, each check's result and each capture as evidence (effective when the observed state held, with its
/// provenance, linked to the collector's controls) in one transaction with its audit entry. Admins and compliance
/// managers only. A run that cannot observe its source is recorded as an error with its reason and stores no evidence.
/// </summary>
public sealed partial class CollectorService(ProgramStore store, ProgramService program, ISecretProtector secrets, IReadOnlyList<ICollector> collectors, TimeProvider clock)
{
    /// <summary>The collectors that can run: json-api and folder, on <paramref name="clock"/>.</summary>
    public static IReadOnlyList<ICollector> Available(TimeProvider clock) =>
        [new Trellis.Collectors.JsonApi.JsonApiCollector(clock), new Trellis.Collectors.Folder.FolderCollector(clock)];

    /// <summary>Adds a collector; every problem is an error naming the field, and nothing is stored.</summary>
    public async Task<Result<CollectorSummary>> AddAsync(Account account, NewCollector input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(input);
        if (!account.ManagesProgram)
        {
            return new Error(ErrorCodes.Forbidden, "only admins and compliance managers configure collectors");
        }

        var definition = await ValidateAsync(input, ct);
        if (!definition.IsSuccess)
        {
            return definition.Error!;
        }

        var d = definition.Value;
        var row = new CollectorRow
        {
            Name = d.Name,
            Kind = d.Kind.ToWire(),
            Schedule = d.Schedule,
            DefinitionJson = CollectorDocuments.Write(d),
            ProtectedSecret = string.IsNullOrEmpty(input.Secret) ? null : secrets.Protect(input.Secret),
            CreatedAt = clock.GetUtcNow().ToUnixTimeMilliseconds(),
        };

        // The audit entry says a secret was entered and where it came from, never what it is.
        var record = AuditRecords.Of(clock, account, "collector.add", $"collectors/{d.Name}", new
        {
            name = d.Name,
            kind = row.Kind,
            controls = d.Controls,
            source = d.Source,
            schedule = d.Schedule,
            checks = d.Checks.Select(c => c.Text),
            allowPrivateNetwork = d.AllowPrivateNetwork,
            secret = row.ProtectedSecret is null ? null : "(protected)",
            secretReference = d.SecretReference,
        });
        var saved = await store.AddCollectorAsync(record, row, ct);
        return saved.IsSuccess ? Summary(saved.Value, null) : saved.Error!;
    }

    /// <summary>Every collector with its last run.</summary>
    public async Task<Result<IReadOnlyList<CollectorSummary>>> ListAsync(Account account, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(account);
        if (!account.ManagesProgram)
        {
            return new Error(ErrorCodes.Forbidden, "only admins and compliance managers see collectors");
        }

        var last = (await store.CollectorRunsAsync(null, 1, ct)).ToDictionary(r => r.Run.Collector, StringComparer.Ordinal);
        return Result<IReadOnlyList<CollectorSummary>>.Ok([.. (await store.CollectorsAsync(ct)).Select(c => Summary(c, last.GetValueOrDefault(c.Name)))]);
    }

    /// <summary>The exceptions every collector's runs raise today (failed checks, sources not observed).</summary>
    public Task<IReadOnlyList<CollectorAlert>> ExceptionsAsync(CancellationToken ct) => CollectorDocuments.ExceptionsAsync(store, ct);

    private static CollectorSummary Summary(CollectorRow row, StoredCollectorRun? last)
    {
        var d = CollectorDocuments.Read(row);
        return new CollectorSummary(row.Name, row.Kind, row.Schedule, last is null ? null : DateTimeOffset.FromUnixTimeMilliseconds(last.Run.StartedAt),
            last?.Run.Status, d.Controls, d.Source, row.ProtectedSecret is not null);
    }

    private async Task<Result<CollectorDefinition>> ValidateAsync(NewCollector input, CancellationToken ct)
    {
        if (!CollectorKinds.TryParse(input.Kind, out var kind))
        {
            return Invalid($"unknown collector kind '{input.Kind}': one of {string.Join(", ", CollectorKinds.WireNames)}", "kind");
        }

        if (!kind.IsAvailable())
        {
            return new Error(ErrorCodes.CollectorNotAvailable, $"the {kind.ToWire()} collector is not yet available (json-api and folder are)", "kind");
        }

        if (!CollectorNames.IsValid(input.Name))
        {
            return Invalid($"collector name '{input.Name}': 1–64 characters of a-z, 0-9 and '-', not starting with '-'", "name");
        }

        if (input.Controls.Count == 0)
        {
            return Invalid("a collector feeds at least one control (--controls AC-01[,…])", "controls");
        }

        var known = (await program.LoadAsync(ct)).Controls.Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        if (input.Controls.FirstOrDefault(c => !known.Contains(c)) is { } unknown)
        {
            return new Error(ErrorCodes.UnknownControl, $"no control '{unknown}'{Hint(Suggestions.Nearest(unknown, known))}", "controls");
        }

        if (input.Schedule is { } cron && !CronExpression.TryParse(cron, CronFormat.Standard, out _))
        {
            return Invalid($"schedule '{cron}' is not a five-field cron expression (minute hour day month weekday, UTC)", "schedule");
        }

        var checks = new List<CollectorCheck>();
        for (var i = 0; i < input.Checks.Count; i++)
        {
            var parsed = CollectorCheck.Parse(input.Checks[i], i + 1);
            if (!parsed.IsSuccess)
            {
                return parsed.Error!;
            }

            checks.Add(parsed.Value);
        }

        var d = new CollectorDefinition
        {
            Name = input.Name,
            Kind = kind,
            Controls = [.. input.Controls.Distinct(StringComparer.Ordinal)],
            Schedule = input.Schedule,
            Checks = checks,
            SecretReference = input.SecretReference,
        };
        return kind == CollectorKind.Folder ? Folder(d, input) : JsonApi(d, input);
    }

    private static Result<CollectorDefinition> JsonApi(CollectorDefinition d, NewCollector input)
    {
        if (!Uri.TryCreate(input.Url, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp) || url.Host.Length == 0)
        {
            return Invalid($"json-api needs --url, an absolute http or https URL{(input.Url is null ? "" : $" ('{input.Url}' is not one)")}", "url");
        }

        if (url.UserInfo.Length > 0)
        {
            return Invalid("the URL must not carry credentials: give them with --secret-env", "url");
        }

        var method = (input.Method ?? "GET").ToUpperInvariant();
        if (method is not ("GET" or "POST"))
        {
            return Invalid($"method '{input.Method}': GET or POST", "method");
        }

        if (input.SecretHeader is { } header && (header.Length == 0 || !header.All(c => char.IsAsciiLetterOrDigit(c) || c == '-')))
        {
            return Invalid($"header name '{header}': letters, digits and '-' only", "header");
        }

        if (input.Path is not null)
        {
            return Invalid("--path is for folder collectors", "path");
        }

        return d with { Url = url, Method = method, SecretHeader = input.SecretHeader, AllowPrivateNetwork = input.AllowPrivateNetwork };
    }

    private static Result<CollectorDefinition> Folder(CollectorDefinition d, NewCollector input)
    {
        if (string.IsNullOrWhiteSpace(input.Path) || !System.IO.Path.IsPathFullyQualified(input.Path))
        {
            return Invalid("folder needs --path, an absolute folder path", "path");
        }

        if (input.Url is not null || input.Secret is not null || d.Checks.Count > 0)
        {
            return Invalid("a folder collector takes no --url, secret or --check", input.Url is not null ? "url" : d.Checks.Count > 0 ? "checks" : "secret");
        }

        return input.Path.Split('/', '\\').Contains("..", StringComparer.Ordinal)
            ? Invalid($"folder '{input.Path}' climbs out of itself ('..'): name the folder itself", "path")
            : d with { Path = System.IO.Path.TrimEndingDirectorySeparator(System.IO.Path.GetFullPath(input.Path)) };
    }

    private static string Hint(IReadOnlyList<string> nearest) => nearest.Count == 0 ? "" : $" (did you mean {string.Join(", ", nearest)}?)";

    private static Error Invalid(string message, string location) => new(ErrorCodes.InvalidCollector, message, location);
}
