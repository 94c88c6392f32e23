namespace TrustFundManager.Domain.Common;

/// <summary>A fund rule refused an action. The API maps each kind to its HTTP answer.</summary>
public abstract class DomainException(string message) : Exception(message);

/// <summary>
/// The action conflicts with the current state (HTTP 409). When the state lacks something the user can fix,
/// <see cref="Errors"/> names the fields.
/// </summary>
public sealed class DomainConflictException(string message, IReadOnlyDictionary<string, string[]>? errors = null)
    : DomainException(message)
{
    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors ?? new Dictionary<string, string[]>();

    /// <summary>
    /// The caller's <c>version</c> is not the record's: someone else changed it since it was read. Names the
    /// <c>version</c> field, with the latest version, so that every stale write answers alike.
    /// </summary>
    public static DomainConflictException StaleVersion(string message, Guid latestVersion) =>
        new(message, new Dictionary<string, string[]> { ["version"] = [$"The latest version is {latestVersion}."] });
}

/// <summary>The request asks for a change that breaks a rule; the errors name the fields (HTTP 400).</summary>
public sealed class InvalidChangeException : DomainException
{
    public InvalidChangeException(string field, string error)
        : this(new Dictionary<string, string[]> { [field] = [error] })
    {
    }

    public InvalidChangeException(IReadOnlyDictionary<string, string[]> errors)
        : base("The change breaks one or more of the fund's rules.")
    {
        if (errors.Count == 0) throw new ArgumentException("At least one error is required.", nameof(errors));
        Errors = errors;
    }

    public IReadOnlyDictionary<string, string[]> Errors { get; }
}

/// <summary>Something the request names does not exist where it looks for it (HTTP 404).</summary>
public sealed class NotFoundException(string message) : DomainException(message);
