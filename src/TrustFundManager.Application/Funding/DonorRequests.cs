using FluentValidation;
using TrustFundManager.Domain.Funding;

namespace TrustFundManager.Application.Funding;

public sealed record DonorRequest(string? Name, DonorKind? Kind, string? Country);

public sealed class DonorRequestValidator : AbstractValidator<DonorRequest>
{
    public DonorRequestValidator()
    {
        RuleFor(r => r.Name).NotEmpty().MaximumLength(Donor.NameMaxLength);
        RuleFor(r => r.Kind).NotNull().IsInEnum();
        RuleFor(r => r.Country).Matches("^[A-Za-z]{3}$").WithMessage("A country is its ISO 3166-1 alpha-3 code.");
    }
}
