using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Trellis.Core.Common;
using Trellis.Data;
using Trellis.Web.Api;

namespace Trellis.Web.Pages.Shared;

/// <summary>
/// The list parameters of a page's query string (<c>?q</c>, <c>?sort</c>, <c>?order</c>, <c>?page</c>, <c>?pageSize</c>,
/// and the page's own filters), read the way the API reads them, and the links to other pages and sorts that keep the rest.
/// </summary>
public sealed class ListRequest
{
    private readonly IQueryCollection _query;
    private readonly string _path;

    private ListRequest(HttpRequest request)
    {
        _query = request.Query;
        _path = request.Path;
    }

    /// <summary>The window asked for, or the error (then the first page of the default size is shown).</summary>
    public ListWindow Window { get; private init; } = new(1, Paging.DefaultPageSize);

    /// <summary>What was wrong with the parameters, shown above the list; null when nothing.</summary>
    public Error? Problem { get; set; }

    /// <summary>Rows in the whole filtered list (set after the query).</summary>
    public int Total { get; set; }

    /// <summary>The last page number (1 for an empty list).</summary>
    public int LastPage => Math.Max(1, (Total + Window.PageSize - 1) / Window.PageSize);

    /// <summary>One query value, or null when absent or empty.</summary>
    public string? this[string name] => _query[name].FirstOrDefault() is { Length: > 0 } v ? v : null;

    /// <summary>Reads the request; a bad page or page size becomes <see cref="Problem"/>.</summary>
    public static ListRequest From(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var page = int.TryParse(request.Query["page"].FirstOrDefault(), NumberStyles.None, CultureInfo.InvariantCulture, out var p) ? p : (int?)null;
        var size = int.TryParse(request.Query["pageSize"].FirstOrDefault(), NumberStyles.None, CultureInfo.InvariantCulture, out var s) ? s : (int?)null;
        var window = Paging.Window(page, size);
        return new ListRequest(request) { Window = window.IsSuccess ? window.Value : new ListWindow(1, Paging.DefaultPageSize), Problem = window.Error };
    }

    /// <summary>A link to this list with some parameters changed (null removes one); any change but the page goes back to page 1.</summary>
    public string With(params (string Name, string? Value)[] changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var values = _query.Where(kv => kv.Key != "page").ToDictionary(kv => kv.Key, kv => (string?)kv.Value.ToString(), StringComparer.Ordinal);
        foreach (var (name, value) in changes)
        {
            values[name] = value;
        }

        return QueryHelpers.AddQueryString(_path, values.Where(kv => !string.IsNullOrEmpty(kv.Value)).Select(kv => new KeyValuePair<string, string?>(kv.Key, kv.Value)));
    }

    /// <summary>The link to page <paramref name="page"/>.</summary>
    public string ToPage(int page) => With(("page", page == 1 ? null : page.ToString(CultureInfo.InvariantCulture)));

    /// <summary>The link that sorts by <paramref name="key"/>: ascending, or turned round when it is the current ascending sort.</summary>
    public string SortBy(string key) => With(("sort", key), ("order", this["sort"] == key && this["order"] != "desc" ? "desc" : null));

    /// <summary>aria-sort of a column header sorted by <paramref name="key"/>, or null when the list is sorted otherwise.</summary>
    public string? AriaSort(string key, string defaultKey) =>
        (this["sort"] ?? defaultKey) != key ? null : this["order"] == "desc" ? "descending" : "ascending";
}
