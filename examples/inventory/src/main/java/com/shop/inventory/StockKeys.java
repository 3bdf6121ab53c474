package com.shop.inventory;

/** Key layout of the inventory service. */
public final class StockKeys {
  public static final String STOCK = "stock:";
  public static final String RESERVED = "reserved:";

  private StockKeys() {}

  /** One warehouse's keys share its hash tag, so they live in one slot. */
  public static String tagged(String warehouse, String field) {
    return "{warehouse:" + warehouse + "}:" + field;
  }
}
