# frozen_string_literal: true

module Embott
  # The default of every optional parameter: a parameter left at OMIT is not sent at all (pass nil to send null).
  OMIT = Object.new.tap do |omit|
    def omit.inspect
      "OMIT"
    end
  end.freeze
end
