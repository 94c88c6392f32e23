using System.Globalization;
using System.Text.RegularExpressions;

namespace TrustFundManager.Workflows.Definitions;

/// <summary>
/// ISO 8601 durations in weeks, days, hours, minutes and seconds (<c>P2W</c>, <c>P14D</c>, <c>PT36H</c>).
/// Years and months are refused: their length depends on the calendar, so a timer would be ambiguous.
/// </summary>
public static partial class IsoDuration
{
    public static bool TryParse(string? text, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        if (text is null) return false;
        var match = Pattern().Match(text);
        if (!match.Success || text is "P" or "PT" || text.EndsWith('T')) return false;

        long Part(string name) => match.Groups[name].Success
            ? long.Parse(match.Groups[name].Value, CultureInfo.InvariantCulture)
            : 0;

        try
        {
            duration = TimeSpan.FromDays(Part("weeks") * 7 + Part("days"))
                       + TimeSpan.FromHours(Part("hours"))
                       + TimeSpan.FromMinutes(Part("minutes"))
                       + TimeSpan.FromSeconds(Part("seconds"));
        }
        catch (OverflowException)
        {
            return false;
        }

        return duration > TimeSpan.Zero;
    }

    [GeneratedRegex(@"^P(?:(?<weeks>\d{1,5})W|(?:(?<days>\d{1,5})D)?(?:T(?:(?<hours>\d{1,6})H)?(?:(?<minutes>\d{1,7})M)?(?:(?<seconds>\d{1,9})S)?)?)$")]
    private static partial Regex Pattern();
}
