extension Golden {
    /// Whether a served `confidence_score` (rounded to 6 decimals) is the golden one, to within one step of
    /// that rounding. The engines' float kernels differ by about 1e-7, and a score lying closer than that to a
    /// rounding boundary may round either way: F1's reference score is 0.73163352, 1.7e-8 above one, and
    /// serves as 0.731634 on OpenCV and 0.731633 on OpenVINO.
    public static func sameScore(_ got: Double?, _ want: Double?) -> Bool {
        guard let got, let want else { return got == nil && want == nil }
        return abs(got - want) <= 1.000_001e-6
    }
}
