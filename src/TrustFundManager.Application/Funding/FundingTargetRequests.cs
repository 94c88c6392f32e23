using FluentValidation;
using TrustFundManager.Domain.Funding;

namespace TrustFundManager.Application.Funding;

public sealed record FundingTargetRequest(string? Title, decimal? AmountUsd, DateOnly? DueOn);

public sealed class FundingTargetRequestValidator : AbstractValidator<FundingTargetRequest>
{
    public FundingTargetRequestValidator()
    {
        RuleFor(r => r.Title).NotEmpty().MaximumLength(FundingTarget.TitleMaxLength);
        RuleFor(r => r.AmountUsd).NotNull();
        RuleFor(r => r.DueOn).NotNull();
    }
}
