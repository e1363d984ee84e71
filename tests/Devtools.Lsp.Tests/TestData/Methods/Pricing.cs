namespace Shop.Pricing
{
    public interface IPriceRule
    {
        decimal Apply(decimal price);
    }

    public sealed class PriceCalculator<TItem> : IPriceRule where TItem : class
    {
        private readonly Func<decimal, decimal> _round = value => Math.Round(value, 2);
        private decimal _total;

        public PriceCalculator(decimal start)
        {
            _total = start;
        }

        public decimal Total
        {
            get { return _total; }
            set => _total = value;
        }

        public decimal Add(decimal price) => _total += price;

        public decimal Add(decimal price, int quantity)
        {
            return Scale(price) * quantity;

            decimal Scale(decimal p)
            {
                return _round(p);
            }
        }

        public async Task<decimal> QuoteAsync(IEnumerable<decimal> prices)
        {
            await Task.Yield();
            return prices.Select(p => p * 2).Sum();
        }

        decimal IPriceRule.Apply(decimal price) => price;

        public static PriceCalculator<TItem> operator +(PriceCalculator<TItem> left, decimal right) => new(left._total + right);

        public sealed class Discount
        {
            public decimal Percent { get; init; }

            public decimal Apply(decimal price) => price * (100 - Percent) / 100;
        }
    }
}
