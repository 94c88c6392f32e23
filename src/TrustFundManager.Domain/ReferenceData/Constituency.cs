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
        Code = Text.Required(code, "code", CodeMaxLength);
        Name = Text.Required(name, "name", NameMaxLength);
        Description = Text.Optional(description, "description", DescriptionMaxLength);
        Seats = ValidSeats(seats);
    }

    public string Code { get; private set; }
    public string Name { get; private set; }
    public string? Description { get; private set; }
    public int Seats { get; private set; }

    public void Change(string name, string? description, int seats)
    {
        Name = Text.Required(name, "name", NameMaxLength);
        Description = Text.Optional(description, "description", DescriptionMaxLength);
        Seats = ValidSeats(seats);
    }

    private static int ValidSeats(int seats) => seats is >= 1 and <= MaxSeats
        ? seats
        : throw new InvalidChangeException("seats", $"A constituency holds between 1 and {MaxSeats} seats.");
}
