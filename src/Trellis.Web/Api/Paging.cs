using Trellis.Core.Common;
using Trellis.Data;

namespace Trellis.Web.Api;

/// <summary>One page of a list, with the total so a client knows how many pages there are.</summary>
/// <typeparam name="T">Item type.</typeparam>
/// <param name="Items">The items of this page.</param>
/// <param name="Page">Page number, from 1.</param>
/// <param name="PageSize">Items per page.</param>
/// <param name="Total">Items in the whole list.</param>
public sealed record Paged<T>(IReadOnlyList<T> Items, int Page, int PageSize, int Total);

/// <summary>Paging of every list: <c>?page</c> from 1 (default 1), <c>?pageSize</c> 1–500 (default 50).</summary>
public static class Paging
{
    /// <summary>Default page size.</summary>
    public const int DefaultPageSize = 50;

    /// <summary>Largest page size.</summary>
    public const int MaxPageSize = 500;

    /// <summary>The window <c>?page</c> and <c>?pageSize</c> ask for, or what is wrong with them.</summary>
    public static Result<ListWindow> Window(int? page, int? pageSize)
    {
        var p = page ?? 1;
        var size = pageSize ?? DefaultPageSize;
        if (p < 1)
        {
            return new Error(ErrorCodes.InvalidPaging, $"page must be 1 or more, not {p}", "page");
        }

        return size < 1 || size > MaxPageSize
            ? new Error(ErrorCodes.InvalidPaging, $"pageSize must be between 1 and {MaxPageSize}, not {size}", "pageSize")
            : new ListWindow(p, size);
    }

    /// <summary>
    /// The sort key <c>?sort</c> names (the first of <paramref name="sorts"/> when absent) and whether <c>?order=desc</c>
    /// turns it round; <c>invalid-option</c> for anything else.
    /// </summary>
    public static Result<(string Sort, bool Descending)> Sort(string? sort, string? order, IReadOnlyList<string> sorts)
    {
        ArgumentNullException.ThrowIfNull(sorts);
        var key = string.IsNullOrWhiteSpace(sort) ? sorts[0] : sort.Trim();
        if (!sorts.Contains(key, StringComparer.Ordinal))
        {
            return new Error(ErrorCodes.InvalidOption, $"sort must be one of {string.Join(", ", sorts)}, not '{key}'", "sort");
        }

        return order is null or "asc" ? (key, false)
            : order == "desc" ? (key, true)
            : new Error(ErrorCodes.InvalidOption, $"order must be asc or desc, not '{order}'", "order");
    }

    /// <summary>A page the database cut, in the list shape of the API.</summary>
    public static Paged<TOut> Of<TIn, TOut>(ListPage<TIn> page, ListWindow window, Func<TIn, TOut> view)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(window);
        return new Paged<TOut>([.. page.Items.Select(view)], window.Page, window.PageSize, page.Total);
    }

    /// <summary>Cuts one page out of a list, or explains what is wrong with the paging parameters.</summary>
    public static Result<Paged<T>> Of<T>(IReadOnlyList<T> all, int? page, int? pageSize)
    {
        ArgumentNullException.ThrowIfNull(all);
        var p = page ?? 1;
        var size = pageSize ?? DefaultPageSize;
        if (p < 1)
        {
            return new Error(ErrorCodes.InvalidPaging, $"page must be 1 or more, not {p}", "page");
        }

        if (size < 1 || size > MaxPageSize)
        {
            return new Error(ErrorCodes.InvalidPaging, $"pageSize must be between 1 and {MaxPageSize}, not {size}", "pageSize");
        }

        var items = all.Skip((int)Math.Min(int.MaxValue, (long)(p - 1) * size)).Take(size).ToList();
        return new Paged<T>(items, p, size, all.Count);
    }
}
