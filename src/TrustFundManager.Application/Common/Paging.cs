using FluentValidation;

namespace TrustFundManager.Application.Common;

/// <summary>The paging every list shares: <c>page</c> from 1, <c>pageSize</c> up to 200, 50 by default.</summary>
public static class Paging
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 200;

    /// <summary>Far beyond any real list, and low enough that the row offset stays within an int.</summary>
    public const int MaxPage = 1_000_000;

    public static IRuleBuilderOptions<T, int?> ValidPage<T>(this IRuleBuilder<T, int?> rule) =>
        rule.InclusiveBetween(1, MaxPage);

    public static IRuleBuilderOptions<T, int?> ValidPageSize<T>(this IRuleBuilder<T, int?> rule) =>
        rule.InclusiveBetween(1, MaxPageSize);

    /// <summary>The rows to skip and take for a validated page request.</summary>
    public static (int Page, int PageSize, int Skip) Resolve(int? page, int? pageSize)
    {
        var resolvedPage = page ?? 1;
        var resolvedSize = pageSize ?? DefaultPageSize;
        return (resolvedPage, resolvedSize, (resolvedPage - 1) * resolvedSize);
    }
}
