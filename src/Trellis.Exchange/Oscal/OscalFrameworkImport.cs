using System.Text;
using System.Text.Json;
using Trellis.Core.Common;
using Trellis.Core.Frameworks;
using Trellis.Exchange.Json;

namespace Trellis.Exchange.Oscal;

/// <summary>An OSCAL catalog (or a profile resolved against it) read as a framework.</summary>
/// <param name="Framework">The framework: groups, controls and enhancements as requirements.</param>
/// <param name="CatalogJson">The catalog it was read from (the resolved catalog when a profile was given): what to
/// store, and re-read with <see cref="OscalFrameworkImport.FromCatalogJson"/>.</param>
/// <param name="Warnings">What profile resolution noticed but did not stop for.</param>
public sealed record FrameworkImport(Framework Framework, string CatalogJson, IReadOnlyList<string> Warnings)
{
    /// <summary>Requirements of kind control.</summary>
    public int Controls => Framework.Requirements.Count(r => r.Kind == RequirementKind.Control);

    /// <summary>Requirements of kind enhancement.</summary>
    public int Enhancements => Framework.Requirements.Count(r => r.Kind == RequirementKind.Enhancement);

    /// <summary>Controls and enhancements marked withdrawn.</summary>
    public int Withdrawn => Framework.Requirements.Count(r => r.Withdrawn && r.Kind != RequirementKind.Group);

    /// <summary>Requirements of kind group.</summary>
    public int Groups => Framework.Requirements.Count(r => r.Kind == RequirementKind.Group);
}

/// <summary>
/// Imports an OSCAL catalog as a <see cref="Framework"/> (issue 6: OSCAL import), optionally through a profile (a
/// baseline) resolved against it, so the framework holds exactly the baseline's controls.
/// </summary>
public static class OscalFrameworkImport
{
    /// <summary>The most characters of an ID derived from a title.</summary>
    public const int MaxIdLength = 64;

    /// <summary>Reads <paramref name="catalogPath"/> (and resolves <paramref name="profilePath"/> against it) into a framework.</summary>
    /// <param name="catalogPath">An OSCAL catalog, JSON, version 1.0.x–1.2.x.</param>
    /// <param name="profilePath">An OSCAL profile whose imports name the catalog; an import not found locally uses the catalog.</param>
    /// <param name="id">The framework ID; by default derived from the (resolved) catalog's title.</param>
    /// <param name="options">Resolution settings (clock, UUIDs, limits).</param>
    public static Result<FrameworkImport> Load(string catalogPath, string? profilePath = null, string? id = null, ProfileResolverOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(catalogPath);
        options ??= new ProfileResolverOptions();
        if (id is not null && !IsValidId(id))
        {
            return new Error(ErrorCodes.InvalidId, $"'{id}' is not a valid framework ID: use letters, digits, '.', '-' and '_', at most {MaxIdLength} characters");
        }

        var catalog = OscalReader.ReadFile(catalogPath, [OscalModel.Catalog], options.Limits);
        if (!catalog.IsSuccess)
        {
            return catalog.Error!;
        }

        using var catalogDocument = catalog.Value;
        if (profilePath is null)
        {
            var framework = OscalCatalogReader.Read(catalogDocument, id ?? IdFor(catalogDocument));
            return framework.IsSuccess
                ? new FrameworkImport(framework.Value, catalogDocument.Json.RootElement.GetRawText(), [])
                : framework.Error!;
        }

        var resolved = ProfileResolver.Resolve(profilePath, options with { FallbackCatalog = catalogPath });
        if (!resolved.IsSuccess)
        {
            return resolved.Error!;
        }

        var warnings = resolved.Value.Warnings.ToList();
        if (!resolved.Value.Sources.Contains(Path.GetFullPath(catalogPath), StringComparer.Ordinal))
        {
            warnings.Add($"the profile does not import {Path.GetFileName(catalogPath)}; it was resolved against its own imports");
        }

        var json = resolved.Value.ToJson();
        var result = FromCatalogJson(json, id, $"resolved {Path.GetFileName(profilePath)}", options.Limits);
        return result.IsSuccess ? result.Value with { Warnings = warnings } : result.Error!;
    }

    /// <summary>Re-reads a stored catalog (<see cref="FrameworkImport.CatalogJson"/>) into its framework.</summary>
    /// <param name="json">The catalog document.</param>
    /// <param name="id">The framework ID; by default derived from the catalog's title.</param>
    /// <param name="source">The name used in error locations.</param>
    /// <param name="limits">Size and depth limits.</param>
    public static Result<FrameworkImport> FromCatalogJson(string json, string? id = null, string source = "catalog", JsonLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(json);
        if (id is not null && !IsValidId(id))
        {
            return new Error(ErrorCodes.InvalidId, $"'{id}' is not a valid framework ID: use letters, digits, '.', '-' and '_', at most {MaxIdLength} characters");
        }

        var read = OscalReader.Parse(Encoding.UTF8.GetBytes(json), source, [OscalModel.Catalog], limits);
        if (!read.IsSuccess)
        {
            return read.Error!;
        }

        using var document = read.Value;
        var framework = OscalCatalogReader.Read(document, id ?? IdFor(document));
        return framework.IsSuccess ? new FrameworkImport(framework.Value, json, []) : framework.Error!;
    }

    /// <summary>
    /// A framework ID from a title: lowercase letters and digits, other runs of characters as one '-', at most
    /// <see cref="MaxIdLength"/> characters; <c>oscal-catalog</c> when nothing is left.
    /// </summary>
    public static string Slug(string title)
    {
        ArgumentNullException.ThrowIfNull(title);
        var sb = new StringBuilder();
        foreach (var c in title.ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(c) || c == '.')
            {
                sb.Append(c);
            }
            else if (sb.Length > 0 && sb[^1] != '-')
            {
                sb.Append('-');
            }
        }

        var slug = sb.ToString().Trim('-', '.');
        if (slug.Length > MaxIdLength)
        {
            slug = slug[..MaxIdLength].TrimEnd('-', '.');
        }

        return slug.Length == 0 ? "oscal-catalog" : slug;
    }

    /// <summary>True when <paramref name="id"/> can name a framework.</summary>
    public static bool IsValidId(string id) =>
        id.Length is > 0 and <= MaxIdLength && char.IsAsciiLetterOrDigit(id[0])
        && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_');

    private static string IdFor(OscalDocument catalog) =>
        Slug(catalog.Body.GetProperty("metadata").TryGetProperty("title", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString()! : "");
}
