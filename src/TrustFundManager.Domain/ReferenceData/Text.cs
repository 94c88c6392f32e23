using TrustFundManager.Domain.Common;

namespace TrustFundManager.Domain.ReferenceData;

internal static class Text
{
    public static string Required(string? value, string field, int maxLength)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed)) throw new InvalidChangeException(field, $"'{field}' is required.");
        if (trimmed.Length > maxLength)
            throw new InvalidChangeException(field, $"'{field}' must be {maxLength} characters or fewer.");
        return trimmed;
    }

    public static string? Optional(string? value, string field, int maxLength)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed)) return null;
        if (trimmed.Length > maxLength)
            throw new InvalidChangeException(field, $"'{field}' must be {maxLength} characters or fewer.");
        return trimmed;
    }
}
