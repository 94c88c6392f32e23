namespace TrustFundManager.Workflows.Instances;

/// <summary>
/// Whose resource an instance is: the countries whose governments act on it and the organizations that take
/// part in it. Scoped roles see and act only within it.
/// </summary>
public sealed record WorkflowScope(IReadOnlyCollection<string> Countries, IReadOnlyCollection<string> Organizations)
{
    public static readonly WorkflowScope None = new([], []);

    private const char Separator = ';';

    /// <summary>Codes stored between separators (";MEX;GTM;") so that a scope test is one indexed LIKE in SQL.</summary>
    public static string Encode(IEnumerable<string> codes)
    {
        var distinct = codes.Select(c => c.Trim().ToUpperInvariant()).Where(c => c.Length > 0).Distinct()
            .Order(StringComparer.Ordinal).ToList();
        if (distinct.Any(c => c.Contains(Separator)))
            throw new ArgumentException("A scope code cannot contain ';'.", nameof(codes));
        return distinct.Count == 0 ? string.Empty : $"{Separator}{string.Join(Separator, distinct)}{Separator}";
    }

    public static IReadOnlyList<string> Decode(string encoded) =>
        encoded.Split(Separator, StringSplitOptions.RemoveEmptyEntries);

    /// <summary>The pattern that finds <paramref name="code"/> inside an encoded list.</summary>
    public static string Token(string code) => $"{Separator}{code.Trim().ToUpperInvariant()}{Separator}";
}
