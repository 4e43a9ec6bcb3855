public enum TeilhabeCore {
    public static let version = "0.1.0"
}
