using TrustFundManager.Domain.Common;

namespace TrustFundManager.Domain.ReferenceData;

/// <summary>A group of the Steering Committee that holds a number of seats.</summary>
public sealed class Constituency
{
    public const int CodeMaxLength = 40;
    public const int NameMaxLength = 200;
    public const int DescriptionMaxLength = 2000;
    public const int MaxSeats = 12;

    private Constituency()
    {
        Code = Name = string.Empty;
    }

    public Constituency(string code, string name, int seats, string? description = null)
    {
        Code = NormalizeCode(code) ?? throw new InvalidChangeException("code",
            "A constituency code is lower-case letters, digits and hyphens.");
        Name = Text.Required(name, "name", NameMaxLength);
        Description = Text.Optional(description, "description", DescriptionMaxLength);
        Seats = ValidSeats(seats);
    }

    /// <summary>Stable key, lower-case letters, digits and hyphens (un-network, donors).</summary>
    public string Code { get; private set; }

    /// <summary>The code in its stored form (lower case), or null when it is not a valid code.</summary>
    public static string? NormalizeCode(string? code)
    {
        var trimmed = code?.Trim().ToLowerInvariant();
        return trimmed is { Length: > 0 and <= CodeMaxLength } && trimmed.All(c => char.IsAsciiLetterOrDigit(c) || c == '-')
            ? trimmed
            : null;
    }
    public string Name { get; private set; }
    public string? Description { get; private set; }
    public int Seats { get; private set; }

    /// <summary>
    /// Changes the constituency. Its seats are never cut below a seat that one of <paramref name="holdersFromToday"/>
    /// (the members serving now or later) holds: their terms are ended first.
    /// </summary>
    public void Change(string name, string? description, int seats,
        IReadOnlyCollection<Committee.CommitteeMembership> holdersFromToday)
    {
        var displaced = holdersFromToday.Where(m => m.ConstituencyCode == Code && m.Seat > seats).Select(m => m.Name).ToList();
        if (displaced.Count > 0)
            throw new DomainConflictException(
                $"Seats above {seats} are held now or later by {string.Join(", ", displaced)}; end those terms first.");

        Name = Text.Required(name, "name", NameMaxLength);
        Description = Text.Optional(description, "description", DescriptionMaxLength);
        Seats = ValidSeats(seats);
    }

    private static int ValidSeats(int seats) => seats is >= 1 and <= MaxSeats
        ? seats
        : throw new InvalidChangeException("seats", $"A constituency holds between 1 and {MaxSeats} seats.");
}
