using TrustFundManager.Infrastructure.Auditing;

namespace TrustFundManager.Web.Common;

/// <summary>The page user a use-case call was made for, set by <see cref="UseCases"/> in the call's own scope.</summary>
public sealed class PageCaller
{
    public string? UserId { get; set; }
}

/// <summary>
/// The audit log's actor for a use case a page calls: the page's user. A circuit has no HTTP request of its own to
/// read the user from, so the host's own actor context (the API's, from the request) is asked only outside pages.
/// </summary>
public sealed class PageActorContext(PageCaller caller, IActorContext host) : IActorContext
{
    public string Actor => caller.UserId ?? host.Actor;

    public string? CorrelationId => caller.UserId is null ? host.CorrelationId : null;
}
