using TrustFundManager.Domain.Common;

namespace TrustFundManager.Workflows;

/// <summary>The caller may see the resource but holds no role that may fire the action (HTTP 403).</summary>
public sealed class ActionNotPermittedException(string message) : DomainException(message);
