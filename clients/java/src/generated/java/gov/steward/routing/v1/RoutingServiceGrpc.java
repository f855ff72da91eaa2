package gov.steward.routing.v1;

import static io.grpc.MethodDescriptor.generateFullMethodName;

/**
 * <pre>
 * Approval routing (审批路由): cases and their items, clocks, escalations and the ledger.
 * </pre>
 */
@io.grpc.stub.annotations.GrpcGenerated
public final class RoutingServiceGrpc {

  private RoutingServiceGrpc() {}

  public static final java.lang.String SERVICE_NAME = "steward.routing.v1.RoutingService";

  // Static method descriptors that strictly reflect the proto.
  private static volatile io.grpc.MethodDescriptor<gov.steward.routing.v1.SubmitPlanRequest,
      gov.steward.routing.v1.SubmitPlanResponse> getSubmitPlanMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "SubmitPlan",
      requestType = gov.steward.routing.v1.SubmitPlanRequest.class,
      responseType = gov.steward.routing.v1.SubmitPlanResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<gov.steward.routing.v1.SubmitPlanRequest,
      gov.steward.routing.v1.SubmitPlanResponse> getSubmitPlanMethod() {
    io.grpc.MethodDescriptor<gov.steward.routing.v1.SubmitPlanRequest, gov.steward.routing.v1.SubmitPlanResponse> getSubmitPlanMethod;
    if ((getSubmitPlanMethod = RoutingServiceGrpc.getSubmitPlanMethod) == null) {
      synchronized (RoutingServiceGrpc.class) {
        if ((getSubmitPlanMethod = RoutingServiceGrpc.getSubmitPlanMethod) == null) {
          RoutingServiceGrpc.getSubmitPlanMethod = getSubmitPlanMethod =
              io.grpc.MethodDescriptor.<gov.steward.routing.v1.SubmitPlanRequest, gov.steward.routing.v1.SubmitPlanResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "SubmitPlan"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  gov.steward.routing.v1.SubmitPlanRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  gov.steward.routing.v1.SubmitPlanResponse.getDefaultInstance()))
              .setSchemaDescriptor(new RoutingServiceMethodDescriptorSupplier("SubmitPlan"))
              .build();
        }
      }
    }
    return getSubmitPlanMethod;
  }

  private static volatile io.grpc.MethodDescriptor<gov.steward.routing.v1.GetCaseRequest,
      gov.steward.routing.v1.GetCaseResponse> getGetCaseMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "GetCase",
      requestType = gov.steward.routing.v1.GetCaseRequest.class,
      responseType = gov.steward.routing.v1.GetCaseResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<gov.steward.routing.v1.GetCaseRequest,
      gov.steward.routing.v1.GetCaseResponse> getGetCaseMethod() {
    io.grpc.MethodDescriptor<gov.steward.routing.v1.GetCaseRequest, gov.steward.routing.v1.GetCaseResponse> getGetCaseMethod;
    if ((getGetCaseMethod = RoutingServiceGrpc.getGetCaseMethod) == null) {
      synchronized (RoutingServiceGrpc.class) {
        if ((getGetCaseMethod = RoutingServiceGrpc.getGetCaseMethod) == null) {
          RoutingServiceGrpc.getGetCaseMethod = getGetCaseMethod =
              io.grpc.MethodDescriptor.<gov.steward.routing.v1.GetCaseRequest, gov.steward.routing.v1.GetCaseResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "GetCase"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  gov.steward.routing.v1.GetCaseRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  gov.steward.routing.v1.GetCaseResponse.getDefaultInstance()))
              .setSchemaDescriptor(new RoutingServiceMethodDescriptorSupplier("GetCase"))
              .build();
        }
      }
    }
    return getGetCaseMethod;
  }

  private static volatile io.grpc.MethodDescriptor<gov.steward.routing.v1.ListCasesRequest,
      gov.steward.routing.v1.ListCasesResponse> getListCasesMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "ListCases",
      requestType = gov.steward.routing.v1.ListCasesRequest.class,
      responseType = gov.steward.routing.v1.ListCasesResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<gov.steward.routing.v1.ListCasesRequest,
      gov.steward.routing.v1.ListCasesResponse> getListCasesMethod() {
    io.grpc.MethodDescriptor<gov.steward.routing.v1.ListCasesRequest, gov.steward.routing.v1.ListCasesResponse> getListCasesMethod;
    if ((getListCasesMethod = RoutingServiceGrpc.getListCasesMethod) == null) {
      synchronized (RoutingServiceGrpc.class) {
        if ((getListCasesMethod = RoutingServiceGrpc.getListCasesMethod) == null) {
          RoutingServiceGrpc.getListCasesMethod = getListCasesMethod =
              io.grpc.MethodDescriptor.<gov.steward.routing.v1.ListCasesRequest, gov.steward.routing.v1.ListCasesResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "ListCases"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  gov.steward.routing.v1.ListCasesRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  gov.steward.routing.v1.ListCasesResponse.getDefaultInstance()))
              .setSchemaDescriptor(new RoutingServiceMethodDescriptorSupplier("ListCases"))
              .build();
        }
      }
    }
    return getListCasesMethod;
  }

  private static volatile io.grpc.MethodDescriptor<gov.steward.routing.v1.FindCaseRequest,
      gov.steward.routing.v1.FindCaseResponse> getFindCaseMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "FindCase",
      requestType = gov.steward.routing.v1.FindCaseRequest.class,
      responseType = gov.steward.routing.v1.FindCaseResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<gov.steward.routing.v1.FindCaseRequest,
      gov.steward.routing.v1.FindCaseResponse> getFindCaseMethod() {
    io.grpc.MethodDescriptor<gov.steward.routing.v1.FindCaseRequest, gov.steward.routing.v1.FindCaseResponse> getFindCaseMethod;
    if ((getFindCaseMethod = RoutingServiceGrpc.getFindCaseMethod) == null) {
      synchronized (RoutingServiceGrpc.class) {
        if ((getFindCaseMethod = RoutingServiceGrpc.getFindCaseMethod) == null) {
          RoutingServiceGrpc.getFindCaseMethod = getFindCaseMethod =
              io.grpc.MethodDescriptor.<gov.steward.routing.v1.FindCaseRequest, gov.steward.routing.v1.FindCaseResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "FindCase"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  gov.steward.routing.v1.FindCaseRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  gov.steward.routing.v1.FindCaseResponse.getDefaultInstance()))
              .setSchemaDescriptor(new RoutingServiceMethodDescriptorSupplier("FindCase"))
              .build();
        }
      }
    }
    return getFindCaseMethod;
  }

  private static volatile io.grpc.MethodDescriptor<gov.steward.routing.v1.FlagBlockedRequest,
      gov.steward.routing.v1.FlagBlockedResponse> getFlagBlockedMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "FlagBlocked",
      requestType = gov.steward.routing.v1.FlagBlockedRequest.class,
      responseType = gov.steward.routing.v1.FlagBlockedResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<gov.steward.routing.v1.FlagBlockedRequest,
      gov.steward.routing.v1.FlagBlockedResponse> getFlagBlockedMethod() {
    io.grpc.MethodDescriptor<gov.steward.routing.v1.FlagBlockedRequest, gov.steward.routing.v1.FlagBlockedResponse> getFlagBlockedMethod;
    if ((getFlagBlockedMethod = RoutingServiceGrpc.getFlagBlockedMethod) == null) {
      synchronized (RoutingServiceGrpc.class) {
        if ((getFlagBlockedMethod = RoutingServiceGrpc.getFlagBlockedMethod) == null) {
          RoutingServiceGrpc.getFlagBlockedMethod = getFlagBlockedMethod =
              io.grpc.MethodDescriptor.<gov.steward.routing.v1.FlagBlockedRequest, gov.steward.routing.v1.FlagBlockedResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "FlagBlocked"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  gov.steward.routing.v1.FlagBlockedRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  gov.steward.routing.v1.FlagBlockedResponse.getDefaultInstance()))
              .setSchemaDescriptor(new RoutingServiceMethodDescriptorSupplier("FlagBlocked"))
              .build();
        }
      }
    }
    return getFlagBlockedMethod;
  }

  private static volatile io.grpc.MethodDescriptor<gov.steward.routing.v1.ListEscalationsRequest,
      gov.steward.routing.v1.ListEscalationsResponse> getListEscalationsMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "ListEscalations",
      requestType = gov.steward.routing.v1.ListEscalationsRequest.class,
      responseType = gov.steward.routing.v1.ListEscalationsResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<gov.steward.routing.v1.ListEscalationsRequest,
      gov.steward.routing.v1.ListEscalationsResponse> getListEscalationsMethod() {
    io.grpc.MethodDescriptor<gov.steward.routing.v1.ListEscalationsRequest, gov.steward.routing.v1.ListEscalationsResponse> getListEscalationsMethod;
    if ((getListEscalationsMethod = RoutingServiceGrpc.getListEscalationsMethod) == null) {
      synchronized (RoutingServiceGrpc.class) {
        if ((getListEscalationsMethod = RoutingServiceGrpc.getListEscalationsMethod) == null) {
          RoutingServiceGrpc.getListEscalationsMethod = getListEscalationsMethod =
              io.grpc.MethodDescriptor.<gov.steward.routing.v1.ListEscalationsRequest, gov.steward.routing.v1.ListEscalationsResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "ListEscalations"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  gov.steward.routing.v1.ListEscalationsRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  gov.steward.routing.v1.ListEscalationsResponse.getDefaultInstance()))
              .setSchemaDescriptor(new RoutingServiceMethodDescriptorSupplier("ListEscalations"))
              .build();
        }
      }
    }
    return getListEscalationsMethod;
  }

  private static volatile io.grpc.MethodDescriptor<gov.steward.routing.v1.ResolveEscalationRequest,
      gov.steward.routing.v1.ResolveEscalationResponse> getResolveEscalationMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "ResolveEscalation",
      requestType = gov.steward.routing.v1.ResolveEscalationRequest.class,
      responseType = gov.steward.routing.v1.ResolveEscalationResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<gov.steward.routing.v1.ResolveEscalationRequest,
      gov.steward.routing.v1.ResolveEscalationResponse> getResolveEscalationMethod() {
    io.grpc.MethodDescriptor<gov.steward.routing.v1.ResolveEscalationRequest, gov.steward.routing.v1.ResolveEscalationResponse> getResolveEscalationMethod;
    if ((getResolveEscalationMethod = RoutingServiceGrpc.getResolveEscalationMethod) == null) {
      synchronized (RoutingServiceGrpc.class) {
        if ((getResolveEscalationMethod = RoutingServiceGrpc.getResolveEscalationMethod) == null) {
          RoutingServiceGrpc.getResolveEscalationMethod = getResolveEscalationMethod =
              io.grpc.MethodDescriptor.<gov.steward.routing.v1.ResolveEscalationRequest, gov.steward.routing.v1.ResolveEscalationResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "ResolveEscalation"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  gov.steward.routing.v1.ResolveEscalationRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  gov.steward.routing.v1.ResolveEscalationResponse.getDefaultInstance()))
              .setSchemaDescriptor(new RoutingServiceMethodDescriptorSupplier("ResolveEscalation"))
              .build();
        }
      }
    }
    return getResolveEscalationMethod;
  }

  private static volatile io.grpc.MethodDescriptor<gov.steward.routing.v1.GetCaseLedgerRequest,
      gov.steward.routing.v1.GetCaseLedgerResponse> getGetCaseLedgerMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "GetCaseLedger",
      requestType = gov.steward.routing.v1.GetCaseLedgerRequest.class,
      responseType = gov.steward.routing.v1.GetCaseLedgerResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<gov.steward.routing.v1.GetCaseLedgerRequest,
      gov.steward.routing.v1.GetCaseLedgerResponse> getGetCaseLedgerMethod() {
    io.grpc.MethodDescriptor<gov.steward.routing.v1.GetCaseLedgerRequest, gov.steward.routing.v1.GetCaseLedgerResponse> getGetCaseLedgerMethod;
    if ((getGetCaseLedgerMethod = RoutingServiceGrpc.getGetCaseLedgerMethod) == null) {
      synchronized (RoutingServiceGrpc.class) {
        if ((getGetCaseLedgerMethod = RoutingServiceGrpc.getGetCaseLedgerMethod) == null) {
          RoutingServiceGrpc.getGetCaseLedgerMethod = getGetCaseLedgerMethod =
              io.grpc.MethodDescriptor.<gov.steward.routing.v1.GetCaseLedgerRequest, gov.steward.routing.v1.GetCaseLedgerResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "GetCaseLedger"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  gov.steward.routing.v1.GetCaseLedgerRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  gov.steward.routing.v1.GetCaseLedgerResponse.getDefaultInstance()))
              .setSchemaDescriptor(new RoutingServiceMethodDescriptorSupplier("GetCaseLedger"))
              .build();
        }
      }
    }
    return getGetCaseLedgerMethod;
  }

  private static volatile io.grpc.MethodDescriptor<gov.steward.routing.v1.VerifyLedgerRequest,
      gov.steward.routing.v1.VerifyLedgerResponse> getVerifyLedgerMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "VerifyLedger",
      requestType = gov.steward.routing.v1.VerifyLedgerRequest.class,
      responseType = gov.steward.routing.v1.VerifyLedgerResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<gov.steward.routing.v1.VerifyLedgerRequest,
      gov.steward.routing.v1.VerifyLedgerResponse> getVerifyLedgerMethod() {
    io.grpc.MethodDescriptor<gov.steward.routing.v1.VerifyLedgerRequest, gov.steward.routing.v1.VerifyLedgerResponse> getVerifyLedgerMethod;
    if ((getVerifyLedgerMethod = RoutingServiceGrpc.getVerifyLedgerMethod) == null) {
      synchronized (RoutingServiceGrpc.class) {
        if ((getVerifyLedgerMethod = RoutingServiceGrpc.getVerifyLedgerMethod) == null) {
          RoutingServiceGrpc.getVerifyLedgerMethod = getVerifyLedgerMethod =
              io.grpc.MethodDescriptor.<gov.steward.routing.v1.VerifyLedgerRequest, gov.steward.routing.v1.VerifyLedgerResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "VerifyLedger"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  gov.steward.routing.v1.VerifyLedgerRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  gov.steward.routing.v1.VerifyLedgerResponse.getDefaultInstance()))
              .setSchemaDescriptor(new RoutingServiceMethodDescriptorSupplier("VerifyLedger"))
              .build();
        }
      }
    }
    return getVerifyLedgerMethod;
  }

  /**
   * Creates a new async stub that supports all call types for the service
   */
  public static RoutingServiceStub newStub(io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<RoutingServiceStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<RoutingServiceStub>() {
        @java.lang.Override
        public RoutingServiceStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new RoutingServiceStub(channel, callOptions);
        }
      };
    return RoutingServiceStub.newStub(factory, channel);
  }

  /**
   * Creates a new blocking-style stub that supports all types of calls on the service
   */
  public static RoutingServiceBlockingV2Stub newBlockingV2Stub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<RoutingServiceBlockingV2Stub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<RoutingServiceBlockingV2Stub>() {
        @java.lang.Override
        public RoutingServiceBlockingV2Stub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new RoutingServiceBlockingV2Stub(channel, callOptions);
        }
      };
    return RoutingServiceBlockingV2Stub.newStub(factory, channel);
  }

  /**
   * Creates a new blocking-style stub that supports unary and streaming output calls on the service
   */
  public static RoutingServiceBlockingStub newBlockingStub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<RoutingServiceBlockingStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<RoutingServiceBlockingStub>() {
        @java.lang.Override
        public RoutingServiceBlockingStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new RoutingServiceBlockingStub(channel, callOptions);
        }
      };
    return RoutingServiceBlockingStub.newStub(factory, channel);
  }

  /**
   * Creates a new ListenableFuture-style stub that supports unary calls on the service
   */
  public static RoutingServiceFutureStub newFutureStub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<RoutingServiceFutureStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<RoutingServiceFutureStub>() {
        @java.lang.Override
        public RoutingServiceFutureStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new RoutingServiceFutureStub(channel, callOptions);
        }
      };
    return RoutingServiceFutureStub.newStub(factory, channel);
  }

  /**
   * <pre>
   * Approval routing (审批路由): cases and their items, clocks, escalations and the ledger.
   * </pre>
   */
  public interface AsyncService {

    /**
     * <pre>
     * Creates the case of an approved plan, or revises it to a new plan version, and routes every
     * item whose prerequisites are done. Idempotent by plan id + version.
     * </pre>
     */
    default void submitPlan(gov.steward.routing.v1.SubmitPlanRequest request,
        io.grpc.stub.StreamObserver<gov.steward.routing.v1.SubmitPlanResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getSubmitPlanMethod(), responseObserver);
    }

    /**
     */
    default void getCase(gov.steward.routing.v1.GetCaseRequest request,
        io.grpc.stub.StreamObserver<gov.steward.routing.v1.GetCaseResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getGetCaseMethod(), responseObserver);
    }

    /**
     * <pre>
     * Lists the region's cases (案件), newest first, with their item counts: all of them, or those
     * of one status, of one project, or with an item past its committed deadline (逾期).
     * </pre>
     */
    default void listCases(gov.steward.routing.v1.ListCasesRequest request,
        io.grpc.stub.StreamObserver<gov.steward.routing.v1.ListCasesResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getListCasesMethod(), responseObserver);
    }

    /**
     * <pre>
     * Finds the case of a plan (代办计划) by the plan's id, or the latest case of a project (重点项目)
     * by the project's id. NOT_FOUND when there is none.
     * </pre>
     */
    default void findCase(gov.steward.routing.v1.FindCaseRequest request,
        io.grpc.stub.StreamObserver<gov.steward.routing.v1.FindCaseResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getFindCaseMethod(), responseObserver);
    }

    /**
     * <pre>
     * The steward flags an item as blocked: it goes to the region's joint meeting (联席会议).
     * </pre>
     */
    default void flagBlocked(gov.steward.routing.v1.FlagBlockedRequest request,
        io.grpc.stub.StreamObserver<gov.steward.routing.v1.FlagBlockedResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getFlagBlockedMethod(), responseObserver);
    }

    /**
     */
    default void listEscalations(gov.steward.routing.v1.ListEscalationsRequest request,
        io.grpc.stub.StreamObserver<gov.steward.routing.v1.ListEscalationsResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getListEscalationsMethod(), responseObserver);
    }

    /**
     * <pre>
     * The joint meeting's resolution of an escalation, recorded and acted on.
     * </pre>
     */
    default void resolveEscalation(gov.steward.routing.v1.ResolveEscalationRequest request,
        io.grpc.stub.StreamObserver<gov.steward.routing.v1.ResolveEscalationResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getResolveEscalationMethod(), responseObserver);
    }

    /**
     * <pre>
     * The full service ledger (服务台账) of a case.
     * </pre>
     */
    default void getCaseLedger(gov.steward.routing.v1.GetCaseLedgerRequest request,
        io.grpc.stub.StreamObserver<gov.steward.routing.v1.GetCaseLedgerResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getGetCaseLedgerMethod(), responseObserver);
    }

    /**
     * <pre>
     * Recomputes the ledger's hash chain and names the first broken row.
     * </pre>
     */
    default void verifyLedger(gov.steward.routing.v1.VerifyLedgerRequest request,
        io.grpc.stub.StreamObserver<gov.steward.routing.v1.VerifyLedgerResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getVerifyLedgerMethod(), responseObserver);
    }
  }

  /**
   * Base class for the server implementation of the service RoutingService.
   * <pre>
   * Approval routing (审批路由): cases and their items, clocks, escalations and the ledger.
   * </pre>
   */
  public static abstract class RoutingServiceImplBase
      implements io.grpc.BindableService, AsyncService {

    @java.lang.Override public final io.grpc.ServerServiceDefinition bindService() {
      return RoutingServiceGrpc.bindService(this);
    }
  }

  /**
   * A stub to allow clients to do asynchronous rpc calls to service RoutingService.
   * <pre>
   * Approval routing (审批路由): cases and their items, clocks, escalations and the ledger.
   * </pre>
   */
  public static final class RoutingServiceStub
      extends io.grpc.stub.AbstractAsyncStub<RoutingServiceStub> {
    private RoutingServiceStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected RoutingServiceStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new RoutingServiceStub(channel, callOptions);
    }

    /**
     * <pre>
     * Creates the case of an approved plan, or revises it to a new plan version, and routes every
     * item whose prerequisites are done. Idempotent by plan id + version.
     * </pre>
     */
    public void submitPlan(gov.steward.routing.v1.SubmitPlanRequest request,
        io.grpc.stub.StreamObserver<gov.steward.routing.v1.SubmitPlanResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getSubmitPlanMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     */
    public void getCase(gov.steward.routing.v1.GetCaseRequest request,
        io.grpc.stub.StreamObserver<gov.steward.routing.v1.GetCaseResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getGetCaseMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Lists the region's cases (案件), newest first, with their item counts: all of them, or those
     * of one status, of one project, or with an item past its committed deadline (逾期).
     * </pre>
     */
    public void listCases(gov.steward.routing.v1.ListCasesRequest request,
        io.grpc.stub.StreamObserver<gov.steward.routing.v1.ListCasesResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getListCasesMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Finds the case of a plan (代办计划) by the plan's id, or the latest case of a project (重点项目)
     * by the project's id. NOT_FOUND when there is none.
     * </pre>
     */
    public void findCase(gov.steward.routing.v1.FindCaseRequest request,
        io.grpc.stub.StreamObserver<gov.steward.routing.v1.FindCaseResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getFindCaseMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * The steward flags an item as blocked: it goes to the region's joint meeting (联席会议).
     * </pre>
     */
    public void flagBlocked(gov.steward.routing.v1.FlagBlockedRequest request,
        io.grpc.stub.StreamObserver<gov.steward.routing.v1.FlagBlockedResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getFlagBlockedMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     */
    public void listEscalations(gov.steward.routing.v1.ListEscalationsRequest request,
        io.grpc.stub.StreamObserver<gov.steward.routing.v1.ListEscalationsResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getListEscalationsMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * The joint meeting's resolution of an escalation, recorded and acted on.
     * </pre>
     */
    public void resolveEscalation(gov.steward.routing.v1.ResolveEscalationRequest request,
        io.grpc.stub.StreamObserver<gov.steward.routing.v1.ResolveEscalationResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getResolveEscalationMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * The full service ledger (服务台账) of a case.
     * </pre>
     */
    public void getCaseLedger(gov.steward.routing.v1.GetCaseLedgerRequest request,
        io.grpc.stub.StreamObserver<gov.steward.routing.v1.GetCaseLedgerResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getGetCaseLedgerMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Recomputes the ledger's hash chain and names the first broken row.
     * </pre>
     */
    public void verifyLedger(gov.steward.routing.v1.VerifyLedgerRequest request,
        io.grpc.stub.StreamObserver<gov.steward.routing.v1.VerifyLedgerResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getVerifyLedgerMethod(), getCallOptions()), request, responseObserver);
    }
  }

  /**
   * A stub to allow clients to do synchronous rpc calls to service RoutingService.
   * <pre>
   * Approval routing (审批路由): cases and their items, clocks, escalations and the ledger.
   * </pre>
   */
  public static final class RoutingServiceBlockingV2Stub
      extends io.grpc.stub.AbstractBlockingStub<RoutingServiceBlockingV2Stub> {
    private RoutingServiceBlockingV2Stub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected RoutingServiceBlockingV2Stub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new RoutingServiceBlockingV2Stub(channel, callOptions);
    }

    /**
     * <pre>
     * Creates the case of an approved plan, or revises it to a new plan version, and routes every
     * item whose prerequisites are done. Idempotent by plan id + version.
     * </pre>
     */
    public gov.steward.routing.v1.SubmitPlanResponse submitPlan(gov.steward.routing.v1.SubmitPlanRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getSubmitPlanMethod(), getCallOptions(), request);
    }

    /**
     */
    public gov.steward.routing.v1.GetCaseResponse getCase(gov.steward.routing.v1.GetCaseRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getGetCaseMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Lists the region's cases (案件), newest first, with their item counts: all of them, or those
     * of one status, of one project, or with an item past its committed deadline (逾期).
     * </pre>
     */
    public gov.steward.routing.v1.ListCasesResponse listCases(gov.steward.routing.v1.ListCasesRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getListCasesMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Finds the case of a plan (代办计划) by the plan's id, or the latest case of a project (重点项目)
     * by the project's id. NOT_FOUND when there is none.
     * </pre>
     */
    public gov.steward.routing.v1.FindCaseResponse findCase(gov.steward.routing.v1.FindCaseRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getFindCaseMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * The steward flags an item as blocked: it goes to the region's joint meeting (联席会议).
     * </pre>
     */
    public gov.steward.routing.v1.FlagBlockedResponse flagBlocked(gov.steward.routing.v1.FlagBlockedRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getFlagBlockedMethod(), getCallOptions(), request);
    }

    /**
     */
    public gov.steward.routing.v1.ListEscalationsResponse listEscalations(gov.steward.routing.v1.ListEscalationsRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getListEscalationsMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * The joint meeting's resolution of an escalation, recorded and acted on.
     * </pre>
     */
    public gov.steward.routing.v1.ResolveEscalationResponse resolveEscalation(gov.steward.routing.v1.ResolveEscalationRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getResolveEscalationMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * The full service ledger (服务台账) of a case.
     * </pre>
     */
    public gov.steward.routing.v1.GetCaseLedgerResponse getCaseLedger(gov.steward.routing.v1.GetCaseLedgerRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getGetCaseLedgerMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Recomputes the ledger's hash chain and names the first broken row.
     * </pre>
     */
    public gov.steward.routing.v1.VerifyLedgerResponse verifyLedger(gov.steward.routing.v1.VerifyLedgerRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getVerifyLedgerMethod(), getCallOptions(), request);
    }
  }

  /**
   * A stub to allow clients to do limited synchronous rpc calls to service RoutingService.
   * <pre>
   * Approval routing (审批路由): cases and their items, clocks, escalations and the ledger.
   * </pre>
   */
  public static final class RoutingServiceBlockingStub
      extends io.grpc.stub.AbstractBlockingStub<RoutingServiceBlockingStub> {
    private RoutingServiceBlockingStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected RoutingServiceBlockingStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new RoutingServiceBlockingStub(channel, callOptions);
    }

    /**
     * <pre>
     * Creates the case of an approved plan, or revises it to a new plan version, and routes every
     * item whose prerequisites are done. Idempotent by plan id + version.
     * </pre>
     */
    public gov.steward.routing.v1.SubmitPlanResponse submitPlan(gov.steward.routing.v1.SubmitPlanRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getSubmitPlanMethod(), getCallOptions(), request);
    }

    /**
     */
    public gov.steward.routing.v1.GetCaseResponse getCase(gov.steward.routing.v1.GetCaseRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getGetCaseMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Lists the region's cases (案件), newest first, with their item counts: all of them, or those
     * of one status, of one project, or with an item past its committed deadline (逾期).
     * </pre>
     */
    public gov.steward.routing.v1.ListCasesResponse listCases(gov.steward.routing.v1.ListCasesRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getListCasesMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Finds the case of a plan (代办计划) by the plan's id, or the latest case of a project (重点项目)
     * by the project's id. NOT_FOUND when there is none.
     * </pre>
     */
    public gov.steward.routing.v1.FindCaseResponse findCase(gov.steward.routing.v1.FindCaseRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getFindCaseMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * The steward flags an item as blocked: it goes to the region's joint meeting (联席会议).
     * </pre>
     */
    public gov.steward.routing.v1.FlagBlockedResponse flagBlocked(gov.steward.routing.v1.FlagBlockedRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getFlagBlockedMethod(), getCallOptions(), request);
    }

    /**
     */
    public gov.steward.routing.v1.ListEscalationsResponse listEscalations(gov.steward.routing.v1.ListEscalationsRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getListEscalationsMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * The joint meeting's resolution of an escalation, recorded and acted on.
     * </pre>
     */
    public gov.steward.routing.v1.ResolveEscalationResponse resolveEscalation(gov.steward.routing.v1.ResolveEscalationRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getResolveEscalationMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * The full service ledger (服务台账) of a case.
     * </pre>
     */
    public gov.steward.routing.v1.GetCaseLedgerResponse getCaseLedger(gov.steward.routing.v1.GetCaseLedgerRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getGetCaseLedgerMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Recomputes the ledger's hash chain and names the first broken row.
     * </pre>
     */
    public gov.steward.routing.v1.VerifyLedgerResponse verifyLedger(gov.steward.routing.v1.VerifyLedgerRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getVerifyLedgerMethod(), getCallOptions(), request);
    }
  }

  /**
   * A stub to allow clients to do ListenableFuture-style rpc calls to service RoutingService.
   * <pre>
   * Approval routing (审批路由): cases and their items, clocks, escalations and the ledger.
   * </pre>
   */
  public static final class RoutingServiceFutureStub
      extends io.grpc.stub.AbstractFutureStub<RoutingServiceFutureStub> {
    private RoutingServiceFutureStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected RoutingServiceFutureStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new RoutingServiceFutureStub(channel, callOptions);
    }

    /**
     * <pre>
     * Creates the case of an approved plan, or revises it to a new plan version, and routes every
     * item whose prerequisites are done. Idempotent by plan id + version.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<gov.steward.routing.v1.SubmitPlanResponse> submitPlan(
        gov.steward.routing.v1.SubmitPlanRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getSubmitPlanMethod(), getCallOptions()), request);
    }

    /**
     */
    public com.google.common.util.concurrent.ListenableFuture<gov.steward.routing.v1.GetCaseResponse> getCase(
        gov.steward.routing.v1.GetCaseRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getGetCaseMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Lists the region's cases (案件), newest first, with their item counts: all of them, or those
     * of one status, of one project, or with an item past its committed deadline (逾期).
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<gov.steward.routing.v1.ListCasesResponse> listCases(
        gov.steward.routing.v1.ListCasesRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getListCasesMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Finds the case of a plan (代办计划) by the plan's id, or the latest case of a project (重点项目)
     * by the project's id. NOT_FOUND when there is none.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<gov.steward.routing.v1.FindCaseResponse> findCase(
        gov.steward.routing.v1.FindCaseRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getFindCaseMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * The steward flags an item as blocked: it goes to the region's joint meeting (联席会议).
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<gov.steward.routing.v1.FlagBlockedResponse> flagBlocked(
        gov.steward.routing.v1.FlagBlockedRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getFlagBlockedMethod(), getCallOptions()), request);
    }

    /**
     */
    public com.google.common.util.concurrent.ListenableFuture<gov.steward.routing.v1.ListEscalationsResponse> listEscalations(
        gov.steward.routing.v1.ListEscalationsRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getListEscalationsMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * The joint meeting's resolution of an escalation, recorded and acted on.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<gov.steward.routing.v1.ResolveEscalationResponse> resolveEscalation(
        gov.steward.routing.v1.ResolveEscalationRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getResolveEscalationMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * The full service ledger (服务台账) of a case.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<gov.steward.routing.v1.GetCaseLedgerResponse> getCaseLedger(
        gov.steward.routing.v1.GetCaseLedgerRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getGetCaseLedgerMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Recomputes the ledger's hash chain and names the first broken row.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<gov.steward.routing.v1.VerifyLedgerResponse> verifyLedger(
        gov.steward.routing.v1.VerifyLedgerRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getVerifyLedgerMethod(), getCallOptions()), request);
    }
  }

  private static final int METHODID_SUBMIT_PLAN = 0;
  private static final int METHODID_GET_CASE = 1;
  private static final int METHODID_LIST_CASES = 2;
  private static final int METHODID_FIND_CASE = 3;
  private static final int METHODID_FLAG_BLOCKED = 4;
  private static final int METHODID_LIST_ESCALATIONS = 5;
  private static final int METHODID_RESOLVE_ESCALATION = 6;
  private static final int METHODID_GET_CASE_LEDGER = 7;
  private static final int METHODID_VERIFY_LEDGER = 8;

  private static final class MethodHandlers<Req, Resp> implements
      io.grpc.stub.ServerCalls.UnaryMethod<Req, Resp>,
      io.grpc.stub.ServerCalls.ServerStreamingMethod<Req, Resp>,
      io.grpc.stub.ServerCalls.ClientStreamingMethod<Req, Resp>,
      io.grpc.stub.ServerCalls.BidiStreamingMethod<Req, Resp> {
    private final AsyncService serviceImpl;
    private final int methodId;

    MethodHandlers(AsyncService serviceImpl, int methodId) {
      this.serviceImpl = serviceImpl;
      this.methodId = methodId;
    }

    @java.lang.Override
    @java.lang.SuppressWarnings("unchecked")
    public void invoke(Req request, io.grpc.stub.StreamObserver<Resp> responseObserver) {
      switch (methodId) {
        case METHODID_SUBMIT_PLAN:
          serviceImpl.submitPlan((gov.steward.routing.v1.SubmitPlanRequest) request,
              (io.grpc.stub.StreamObserver<gov.steward.routing.v1.SubmitPlanResponse>) responseObserver);
          break;
        case METHODID_GET_CASE:
          serviceImpl.getCase((gov.steward.routing.v1.GetCaseRequest) request,
              (io.grpc.stub.StreamObserver<gov.steward.routing.v1.GetCaseResponse>) responseObserver);
          break;
        case METHODID_LIST_CASES:
          serviceImpl.listCases((gov.steward.routing.v1.ListCasesRequest) request,
              (io.grpc.stub.StreamObserver<gov.steward.routing.v1.ListCasesResponse>) responseObserver);
          break;
        case METHODID_FIND_CASE:
          serviceImpl.findCase((gov.steward.routing.v1.FindCaseRequest) request,
              (io.grpc.stub.StreamObserver<gov.steward.routing.v1.FindCaseResponse>) responseObserver);
          break;
        case METHODID_FLAG_BLOCKED:
          serviceImpl.flagBlocked((gov.steward.routing.v1.FlagBlockedRequest) request,
              (io.grpc.stub.StreamObserver<gov.steward.routing.v1.FlagBlockedResponse>) responseObserver);
          break;
        case METHODID_LIST_ESCALATIONS:
          serviceImpl.listEscalations((gov.steward.routing.v1.ListEscalationsRequest) request,
              (io.grpc.stub.StreamObserver<gov.steward.routing.v1.ListEscalationsResponse>) responseObserver);
          break;
        case METHODID_RESOLVE_ESCALATION:
          serviceImpl.resolveEscalation((gov.steward.routing.v1.ResolveEscalationRequest) request,
              (io.grpc.stub.StreamObserver<gov.steward.routing.v1.ResolveEscalationResponse>) responseObserver);
          break;
        case METHODID_GET_CASE_LEDGER:
          serviceImpl.getCaseLedger((gov.steward.routing.v1.GetCaseLedgerRequest) request,
              (io.grpc.stub.StreamObserver<gov.steward.routing.v1.GetCaseLedgerResponse>) responseObserver);
          break;
        case METHODID_VERIFY_LEDGER:
          serviceImpl.verifyLedger((gov.steward.routing.v1.VerifyLedgerRequest) request,
              (io.grpc.stub.StreamObserver<gov.steward.routing.v1.VerifyLedgerResponse>) responseObserver);
          break;
        default:
          throw new AssertionError();
      }
    }

    @java.lang.Override
    @java.lang.SuppressWarnings("unchecked")
    public io.grpc.stub.StreamObserver<Req> invoke(
        io.grpc.stub.StreamObserver<Resp> responseObserver) {
      switch (methodId) {
        default:
          throw new AssertionError();
      }
    }
  }

  public static final io.grpc.ServerServiceDefinition bindService(AsyncService service) {
    return io.grpc.ServerServiceDefinition.builder(getServiceDescriptor())
        .addMethod(
          getSubmitPlanMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              gov.steward.routing.v1.SubmitPlanRequest,
              gov.steward.routing.v1.SubmitPlanResponse>(
                service, METHODID_SUBMIT_PLAN)))
        .addMethod(
          getGetCaseMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              gov.steward.routing.v1.GetCaseRequest,
              gov.steward.routing.v1.GetCaseResponse>(
                service, METHODID_GET_CASE)))
        .addMethod(
          getListCasesMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              gov.steward.routing.v1.ListCasesRequest,
              gov.steward.routing.v1.ListCasesResponse>(
                service, METHODID_LIST_CASES)))
        .addMethod(
          getFindCaseMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              gov.steward.routing.v1.FindCaseRequest,
              gov.steward.routing.v1.FindCaseResponse>(
                service, METHODID_FIND_CASE)))
        .addMethod(
          getFlagBlockedMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              gov.steward.routing.v1.FlagBlockedRequest,
              gov.steward.routing.v1.FlagBlockedResponse>(
                service, METHODID_FLAG_BLOCKED)))
        .addMethod(
          getListEscalationsMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              gov.steward.routing.v1.ListEscalationsRequest,
              gov.steward.routing.v1.ListEscalationsResponse>(
                service, METHODID_LIST_ESCALATIONS)))
        .addMethod(
          getResolveEscalationMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              gov.steward.routing.v1.ResolveEscalationRequest,
              gov.steward.routing.v1.ResolveEscalationResponse>(
                service, METHODID_RESOLVE_ESCALATION)))
        .addMethod(
          getGetCaseLedgerMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              gov.steward.routing.v1.GetCaseLedgerRequest,
              gov.steward.routing.v1.GetCaseLedgerResponse>(
                service, METHODID_GET_CASE_LEDGER)))
        .addMethod(
          getVerifyLedgerMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              gov.steward.routing.v1.VerifyLedgerRequest,
              gov.steward.routing.v1.VerifyLedgerResponse>(
                service, METHODID_VERIFY_LEDGER)))
        .build();
  }

  private static abstract class RoutingServiceBaseDescriptorSupplier
      implements io.grpc.protobuf.ProtoFileDescriptorSupplier, io.grpc.protobuf.ProtoServiceDescriptorSupplier {
    RoutingServiceBaseDescriptorSupplier() {}

    @java.lang.Override
    public com.google.protobuf.Descriptors.FileDescriptor getFileDescriptor() {
      return gov.steward.routing.v1.RoutingProto.getDescriptor();
    }

    @java.lang.Override
    public com.google.protobuf.Descriptors.ServiceDescriptor getServiceDescriptor() {
      return getFileDescriptor().findServiceByName("RoutingService");
    }
  }

  private static final class RoutingServiceFileDescriptorSupplier
      extends RoutingServiceBaseDescriptorSupplier {
    RoutingServiceFileDescriptorSupplier() {}
  }

  private static final class RoutingServiceMethodDescriptorSupplier
      extends RoutingServiceBaseDescriptorSupplier
      implements io.grpc.protobuf.ProtoMethodDescriptorSupplier {
    private final java.lang.String methodName;

    RoutingServiceMethodDescriptorSupplier(java.lang.String methodName) {
      this.methodName = methodName;
    }

    @java.lang.Override
    public com.google.protobuf.Descriptors.MethodDescriptor getMethodDescriptor() {
      return getServiceDescriptor().findMethodByName(methodName);
    }
  }

  private static volatile io.grpc.ServiceDescriptor serviceDescriptor;

  public static io.grpc.ServiceDescriptor getServiceDescriptor() {
    io.grpc.ServiceDescriptor result = serviceDescriptor;
    if (result == null) {
      synchronized (RoutingServiceGrpc.class) {
        result = serviceDescriptor;
        if (result == null) {
          serviceDescriptor = result = io.grpc.ServiceDescriptor.newBuilder(SERVICE_NAME)
              .setSchemaDescriptor(new RoutingServiceFileDescriptorSupplier())
              .addMethod(getSubmitPlanMethod())
              .addMethod(getGetCaseMethod())
              .addMethod(getListCasesMethod())
              .addMethod(getFindCaseMethod())
              .addMethod(getFlagBlockedMethod())
              .addMethod(getListEscalationsMethod())
              .addMethod(getResolveEscalationMethod())
              .addMethod(getGetCaseLedgerMethod())
              .addMethod(getVerifyLedgerMethod())
              .build();
        }
      }
    }
    return result;
  }
}
