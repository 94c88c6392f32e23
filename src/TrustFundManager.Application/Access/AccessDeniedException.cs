using TrustFundManager.Domain.Common;

namespace TrustFundManager.Application.Access;

/// <summary>
/// The caller may see the record (or the use case is not about one) but may not do this: 403. A record the caller
/// may not see is a <see cref="NotFoundException"/> instead, so that identifiers do not leak.
/// </summary>
public sealed class AccessDeniedException(string message) : DomainException(message);
