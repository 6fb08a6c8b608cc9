package dev.zanith.internal.risk;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FunctionCallsTest {

    @Test
    void findsCalledFunctionsAndSkipsSyntaxThatLooksLikeACall() {
        assertThat(FunctionCalls.names("gen_random_uuid()")).containsExactly("gen_random_uuid");
        assertThat(FunctionCalls.names("(now() + '1 day'::interval)")).containsExactly("now");
        assertThat(FunctionCalls.names("nextval('users_id_seq'::regclass)")).containsExactly("nextval");
        assertThat(FunctionCalls.names("COALESCE(lower(x), 'a'::character varying(20))")).containsExactly("lower");
        assertThat(FunctionCalls.names("'f(x)'::text")).isEmpty();
        assertThat(FunctionCalls.names("CURRENT_TIMESTAMP")).isEmpty();
        assertThat(FunctionCalls.names("42")).isEmpty();
        assertThat(FunctionCalls.names("public.next_ticket()")).containsExactly("public.next_ticket");
        assertThat(FunctionCalls.names("\"App\".\"MakeId\"(1)")).containsExactly("App.MakeId");
        assertThat(FunctionCalls.names("(0)::numeric(12,2)")).isEmpty();
        assertThat(FunctionCalls.names(null)).isEmpty();
    }
}
