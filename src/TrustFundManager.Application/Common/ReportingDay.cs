using TrustFundManager.Domain.Common;

namespace TrustFundManager.Application.Common;

/// <summary>
/// The day a status, a summary or a workbook is "as of": today (UTC) by default, and otherwise a day within the
/// years the fund can hold records, so that a mistyped year is a 400 naming the field rather than an empty report or
/// a spreadsheet library's refusal.
/// </summary>
public static class ReportingDay
{
    public static readonly DateOnly Earliest = new(2000, 1, 1);
    public static readonly DateOnly Latest = new(2099, 12, 31);

    /// <exception cref="InvalidChangeException">The day is outside <see cref="Earliest"/> … <see cref="Latest"/>.</exception>
    public static DateOnly Resolve(DateOnly? asOf, TimeProvider time, string field = "asOf")
    {
        Check(asOf, field);
        return asOf ?? DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
    }

    /// <exception cref="InvalidChangeException">The day is outside <see cref="Earliest"/> … <see cref="Latest"/>.</exception>
    public static void Check(DateOnly? asOf, string field = "asOf")
    {
        if (asOf is { } day && (day < Earliest || day > Latest))
            throw new InvalidChangeException(field,
                $"The day must be between {Earliest:yyyy-MM-dd} and {Latest:yyyy-MM-dd}; {day:yyyy-MM-dd} is not.");
    }
}
