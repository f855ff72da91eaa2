package gov.steward.agreement.v1;

import static io.grpc.MethodDescriptor.generateFullMethodName;

/**
 * <pre>
 * Agreement (协议): assisted-handling agreements and their agent plans.
 * </pre>
 */
@io.grpc.stub.annotations.GrpcGenerated
public final class AgreementServiceGrpc {

  private AgreementServiceGrpc() {}

  public static final java.lang.String SERVICE_NAME = "steward.agreement.v1.AgreementService";

  // Static method descriptors that strictly reflect the proto.
  private static volatile io.grpc.MethodDescriptor<gov.steward.agreement.v1.GetAgreementRequest,
      gov.steward.agreement.v1.GetAgreementResponse> getGetAgreementMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "GetAgreement",
      requestType = gov.steward.agreement.v1.GetAgreementRequest.class,
      responseType = gov.steward.agreement.v1.GetAgreementResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<gov.steward.agreement.v1.GetAgreementRequest,
      gov.steward.agreement.v1.GetAgreementResponse> getGetAgreementMethod() {
    io.grpc.MethodDescriptor<gov.steward.agreement.v1.GetAgreementRequest, gov.steward.agreement.v1.GetAgreementResponse> getGetAgreementMethod;
    if ((getGetAgreementMethod = AgreementServiceGrpc.getGetAgreementMethod) == null) {
      synchronized (AgreementServiceGrpc.class) {
        if ((getGetAgreementMethod = AgreementServiceGrpc.getGetAgreementMethod) == null) {
          AgreementServiceGrpc.getGetAgreementMethod = getGetAgreementMethod =
              io.grpc.MethodDescriptor.<gov.steward.agreement.v1.GetAgreementRequest, gov.steward.agreement.v1.GetAgreementResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "GetAgreement"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  gov.steward.agreement.v1.GetAgreementRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  gov.steward.agreement.v1.GetAgreementResponse.getDefaultInstance()))
              .setSchemaDescriptor(new AgreementServiceMethodDescriptorSupplier("GetAgreement"))
              .build();
        }
      }
    }
    return getGetAgreementMethod;
  }

  private static volatile io.grpc.MethodDescriptor<gov.steward.agreement.v1.ListAgreementsRequest,
      gov.steward.agreement.v1.ListAgreementsResponse> getListAgreementsMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "ListAgreements",
      requestType = gov.steward.agreement.v1.ListAgreementsRequest.class,
      responseType = gov.steward.agreement.v1.ListAgreementsResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<gov.steward.agreement.v1.ListAgreementsRequest,
      gov.steward.agreement.v1.ListAgreementsResponse> getListAgreementsMethod() {
    io.grpc.MethodDescriptor<gov.steward.agreement.v1.ListAgreementsRequest, gov.steward.agreement.v1.ListAgreementsResponse> getListAgreementsMethod;
    if ((getListAgreementsMethod = AgreementServiceGrpc.getListAgreementsMethod) == null) {
      synchronized (AgreementServiceGrpc.class) {
        if ((getListAgreementsMethod = AgreementServiceGrpc.getListAgreementsMethod) == null) {
          AgreementServiceGrpc.getListAgreementsMethod = getListAgreementsMethod =
              io.grpc.MethodDescriptor.<gov.steward.agreement.v1.ListAgreementsRequest, gov.steward.agreement.v1.ListAgreementsResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "ListAgreements"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  gov.steward.agreement.v1.ListAgreementsRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  gov.steward.agreement.v1.ListAgreementsResponse.getDefaultInstance()))
              .setSchemaDescriptor(new AgreementServiceMethodDescriptorSupplier("ListAgreements"))
              .build();
        }
      }
    }
    return getListAgreementsMethod;
  }

  private static volatile io.grpc.MethodDescriptor<gov.steward.agreement.v1.SignAgreementRequest,
      gov.steward.agreement.v1.SignAgreementResponse> getSignAgreementMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "SignAgreement",
      requestType = gov.steward.agreement.v1.SignAgreementRequest.class,
      responseType = gov.steward.agreement.v1.SignAgreementResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<gov.steward.agreement.v1.SignAgreementRequest,
      gov.steward.agreement.v1.SignAgreementResponse> getSignAgreementMethod() {
    io.grpc.MethodDescriptor<gov.steward.agreement.v1.SignAgreementRequest, gov.steward.agreement.v1.SignAgreementResponse> getSignAgreementMethod;
    if ((getSignAgreementMethod = AgreementServiceGrpc.getSignAgreementMethod) == null) {
      synchronized (AgreementServiceGrpc.class) {
        if ((getSignAgreementMethod = AgreementServiceGrpc.getSignAgreementMethod) == null) {
          AgreementServiceGrpc.getSignAgreementMethod = getSignAgreementMethod =
              io.grpc.MethodDescriptor.<gov.steward.agreement.v1.SignAgreementRequest, gov.steward.agreement.v1.SignAgreementResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "SignAgreement"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  gov.steward.agreement.v1.SignAgreementRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  gov.steward.agreement.v1.SignAgreementResponse.getDefaultInstance()))
              .setSchemaDescriptor(new AgreementServiceMethodDescriptorSupplier("SignAgreement"))
              .build();
        }
      }
    }
    return getSignAgreementMethod;
  }

  private static volatile io.grpc.MethodDescriptor<gov.steward.agreement.v1.ApprovePlanRequest,
      gov.steward.agreement.v1.ApprovePlanResponse> getApprovePlanMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "ApprovePlan",
      requestType = gov.steward.agreement.v1.ApprovePlanRequest.class,
      responseType = gov.steward.agreement.v1.ApprovePlanResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<gov.steward.agreement.v1.ApprovePlanRequest,
      gov.steward.agreement.v1.ApprovePlanResponse> getApprovePlanMethod() {
    io.grpc.MethodDescriptor<gov.steward.agreement.v1.ApprovePlanRequest, gov.steward.agreement.v1.ApprovePlanResponse> getApprovePlanMethod;
    if ((getApprovePlanMethod = AgreementServiceGrpc.getApprovePlanMethod) == null) {
      synchronized (AgreementServiceGrpc.class) {
        if ((getApprovePlanMethod = AgreementServiceGrpc.getApprovePlanMethod) == null) {
          AgreementServiceGrpc.getApprovePlanMethod = getApprovePlanMethod =
              io.grpc.MethodDescriptor.<gov.steward.agreement.v1.ApprovePlanRequest, gov.steward.agreement.v1.ApprovePlanResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "ApprovePlan"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  gov.steward.agreement.v1.ApprovePlanRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  gov.steward.agreement.v1.ApprovePlanResponse.getDefaultInstance()))
              .setSchemaDescriptor(new AgreementServiceMethodDescriptorSupplier("ApprovePlan"))
              .build();
        }
      }
    }
    return getApprovePlanMethod;
  }

  /**
   * Creates a new async stub that supports all call types for the service
   */
  public static AgreementServiceStub newStub(io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<AgreementServiceStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<AgreementServiceStub>() {
        @java.lang.Override
        public AgreementServiceStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new AgreementServiceStub(channel, callOptions);
        }
      };
    return AgreementServiceStub.newStub(factory, channel);
  }

  /**
   * Creates a new blocking-style stub that supports all types of calls on the service
   */
  public static AgreementServiceBlockingV2Stub newBlockingV2Stub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<AgreementServiceBlockingV2Stub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<AgreementServiceBlockingV2Stub>() {
        @java.lang.Override
        public AgreementServiceBlockingV2Stub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new AgreementServiceBlockingV2Stub(channel, callOptions);
        }
      };
    return AgreementServiceBlockingV2Stub.newStub(factory, channel);
  }

  /**
   * Creates a new blocking-style stub that supports unary and streaming output calls on the service
   */
  public static AgreementServiceBlockingStub newBlockingStub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<AgreementServiceBlockingStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<AgreementServiceBlockingStub>() {
        @java.lang.Override
        public AgreementServiceBlockingStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new AgreementServiceBlockingStub(channel, callOptions);
        }
      };
    return AgreementServiceBlockingStub.newStub(factory, channel);
  }

  /**
   * Creates a new ListenableFuture-style stub that supports unary calls on the service
   */
  public static AgreementServiceFutureStub newFutureStub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<AgreementServiceFutureStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<AgreementServiceFutureStub>() {
        @java.lang.Override
        public AgreementServiceFutureStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new AgreementServiceFutureStub(channel, callOptions);
        }
      };
    return AgreementServiceFutureStub.newStub(factory, channel);
  }

  /**
   * <pre>
   * Agreement (协议): assisted-handling agreements and their agent plans.
   * </pre>
   */
  public interface AsyncService {

    /**
     */
    default void getAgreement(gov.steward.agreement.v1.GetAgreementRequest request,
        io.grpc.stub.StreamObserver<gov.steward.agreement.v1.GetAgreementResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getGetAgreementMethod(), responseObserver);
    }

    /**
     */
    default void listAgreements(gov.steward.agreement.v1.ListAgreementsRequest request,
        io.grpc.stub.StreamObserver<gov.steward.agreement.v1.ListAgreementsResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getListAgreementsMethod(), responseObserver);
    }

    /**
     * <pre>
     * Signs a draft agreement (county or city admin).
     * </pre>
     */
    default void signAgreement(gov.steward.agreement.v1.SignAgreementRequest request,
        io.grpc.stub.StreamObserver<gov.steward.agreement.v1.SignAgreementResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getSignAgreementMethod(), responseObserver);
    }

    /**
     * <pre>
     * Approves the agent plan of a signed agreement; publishes agreement.plan.approved.
     * </pre>
     */
    default void approvePlan(gov.steward.agreement.v1.ApprovePlanRequest request,
        io.grpc.stub.StreamObserver<gov.steward.agreement.v1.ApprovePlanResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getApprovePlanMethod(), responseObserver);
    }
  }

  /**
   * Base class for the server implementation of the service AgreementService.
   * <pre>
   * Agreement (协议): assisted-handling agreements and their agent plans.
   * </pre>
   */
  public static abstract class AgreementServiceImplBase
      implements io.grpc.BindableService, AsyncService {

    @java.lang.Override public final io.grpc.ServerServiceDefinition bindService() {
      return AgreementServiceGrpc.bindService(this);
    }
  }

  /**
   * A stub to allow clients to do asynchronous rpc calls to service AgreementService.
   * <pre>
   * Agreement (协议): assisted-handling agreements and their agent plans.
   * </pre>
   */
  public static final class AgreementServiceStub
      extends io.grpc.stub.AbstractAsyncStub<AgreementServiceStub> {
    private AgreementServiceStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected AgreementServiceStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new AgreementServiceStub(channel, callOptions);
    }

    /**
     */
    public void getAgreement(gov.steward.agreement.v1.GetAgreementRequest request,
        io.grpc.stub.StreamObserver<gov.steward.agreement.v1.GetAgreementResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getGetAgreementMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     */
    public void listAgreements(gov.steward.agreement.v1.ListAgreementsRequest request,
        io.grpc.stub.StreamObserver<gov.steward.agreement.v1.ListAgreementsResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getListAgreementsMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Signs a draft agreement (county or city admin).
     * </pre>
     */
    public void signAgreement(gov.steward.agreement.v1.SignAgreementRequest request,
        io.grpc.stub.StreamObserver<gov.steward.agreement.v1.SignAgreementResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getSignAgreementMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Approves the agent plan of a signed agreement; publishes agreement.plan.approved.
     * </pre>
     */
    public void approvePlan(gov.steward.agreement.v1.ApprovePlanRequest request,
        io.grpc.stub.StreamObserver<gov.steward.agreement.v1.ApprovePlanResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getApprovePlanMethod(), getCallOptions()), request, responseObserver);
    }
  }

  /**
   * A stub to allow clients to do synchronous rpc calls to service AgreementService.
   * <pre>
   * Agreement (协议): assisted-handling agreements and their agent plans.
   * </pre>
   */
  public static final class AgreementServiceBlockingV2Stub
      extends io.grpc.stub.AbstractBlockingStub<AgreementServiceBlockingV2Stub> {
    private AgreementServiceBlockingV2Stub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected AgreementServiceBlockingV2Stub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new AgreementServiceBlockingV2Stub(channel, callOptions);
    }

    /**
     */
    public gov.steward.agreement.v1.GetAgreementResponse getAgreement(gov.steward.agreement.v1.GetAgreementRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getGetAgreementMethod(), getCallOptions(), request);
    }

    /**
     */
    public gov.steward.agreement.v1.ListAgreementsResponse listAgreements(gov.steward.agreement.v1.ListAgreementsRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getListAgreementsMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Signs a draft agreement (county or city admin).
     * </pre>
     */
    public gov.steward.agreement.v1.SignAgreementResponse signAgreement(gov.steward.agreement.v1.SignAgreementRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getSignAgreementMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Approves the agent plan of a signed agreement; publishes agreement.plan.approved.
     * </pre>
     */
    public gov.steward.agreement.v1.ApprovePlanResponse approvePlan(gov.steward.agreement.v1.ApprovePlanRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getApprovePlanMethod(), getCallOptions(), request);
    }
  }

  /**
   * A stub to allow clients to do limited synchronous rpc calls to service AgreementService.
   * <pre>
   * Agreement (协议): assisted-handling agreements and their agent plans.
   * </pre>
   */
  public static final class AgreementServiceBlockingStub
      extends io.grpc.stub.AbstractBlockingStub<AgreementServiceBlockingStub> {
    private AgreementServiceBlockingStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected AgreementServiceBlockingStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new AgreementServiceBlockingStub(channel, callOptions);
    }

    /**
     */
    public gov.steward.agreement.v1.GetAgreementResponse getAgreement(gov.steward.agreement.v1.GetAgreementRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getGetAgreementMethod(), getCallOptions(), request);
    }

    /**
     */
    public gov.steward.agreement.v1.ListAgreementsResponse listAgreements(gov.steward.agreement.v1.ListAgreementsRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getListAgreementsMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Signs a draft agreement (county or city admin).
     * </pre>
     */
    public gov.steward.agreement.v1.SignAgreementResponse signAgreement(gov.steward.agreement.v1.SignAgreementRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getSignAgreementMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Approves the agent plan of a signed agreement; publishes agreement.plan.approved.
     * </pre>
     */
    public gov.steward.agreement.v1.ApprovePlanResponse approvePlan(gov.steward.agreement.v1.ApprovePlanRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getApprovePlanMethod(), getCallOptions(), request);
    }
  }

  /**
   * A stub to allow clients to do ListenableFuture-style rpc calls to service AgreementService.
   * <pre>
   * Agreement (协议): assisted-handling agreements and their agent plans.
   * </pre>
   */
  public static final class AgreementServiceFutureStub
      extends io.grpc.stub.AbstractFutureStub<AgreementServiceFutureStub> {
    private AgreementServiceFutureStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected AgreementServiceFutureStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new AgreementServiceFutureStub(channel, callOptions);
    }

    /**
     */
    public com.google.common.util.concurrent.ListenableFuture<gov.steward.agreement.v1.GetAgreementResponse> getAgreement(
        gov.steward.agreement.v1.GetAgreementRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getGetAgreementMethod(), getCallOptions()), request);
    }

    /**
     */
    public com.google.common.util.concurrent.ListenableFuture<gov.steward.agreement.v1.ListAgreementsResponse> listAgreements(
        gov.steward.agreement.v1.ListAgreementsRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getListAgreementsMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Signs a draft agreement (county or city admin).
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<gov.steward.agreement.v1.SignAgreementResponse> signAgreement(
        gov.steward.agreement.v1.SignAgreementRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getSignAgreementMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Approves the agent plan of a signed agreement; publishes agreement.plan.approved.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<gov.steward.agreement.v1.ApprovePlanResponse> approvePlan(
        gov.steward.agreement.v1.ApprovePlanRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getApprovePlanMethod(), getCallOptions()), request);
    }
  }

  private static final int METHODID_GET_AGREEMENT = 0;
  private static final int METHODID_LIST_AGREEMENTS = 1;
  private static final int METHODID_SIGN_AGREEMENT = 2;
  private static final int METHODID_APPROVE_PLAN = 3;

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
        case METHODID_GET_AGREEMENT:
          serviceImpl.getAgreement((gov.steward.agreement.v1.GetAgreementRequest) request,
              (io.grpc.stub.StreamObserver<gov.steward.agreement.v1.GetAgreementResponse>) responseObserver);
          break;
        case METHODID_LIST_AGREEMENTS:
          serviceImpl.listAgreements((gov.steward.agreement.v1.ListAgreementsRequest) request,
              (io.grpc.stub.StreamObserver<gov.steward.agreement.v1.ListAgreementsResponse>) responseObserver);
          break;
        case METHODID_SIGN_AGREEMENT:
          serviceImpl.signAgreement((gov.steward.agreement.v1.SignAgreementRequest) request,
              (io.grpc.stub.StreamObserver<gov.steward.agreement.v1.SignAgreementResponse>) responseObserver);
          break;
        case METHODID_APPROVE_PLAN:
          serviceImpl.approvePlan((gov.steward.agreement.v1.ApprovePlanRequest) request,
              (io.grpc.stub.StreamObserver<gov.steward.agreement.v1.ApprovePlanResponse>) responseObserver);
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
          getGetAgreementMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              gov.steward.agreement.v1.GetAgreementRequest,
              gov.steward.agreement.v1.GetAgreementResponse>(
                service, METHODID_GET_AGREEMENT)))
        .addMethod(
          getListAgreementsMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              gov.steward.agreement.v1.ListAgreementsRequest,
              gov.steward.agreement.v1.ListAgreementsResponse>(
                service, METHODID_LIST_AGREEMENTS)))
        .addMethod(
          getSignAgreementMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              gov.steward.agreement.v1.SignAgreementRequest,
              gov.steward.agreement.v1.SignAgreementResponse>(
                service, METHODID_SIGN_AGREEMENT)))
        .addMethod(
          getApprovePlanMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              gov.steward.agreement.v1.ApprovePlanRequest,
              gov.steward.agreement.v1.ApprovePlanResponse>(
                service, METHODID_APPROVE_PLAN)))
        .build();
  }

  private static abstract class AgreementServiceBaseDescriptorSupplier
      implements io.grpc.protobuf.ProtoFileDescriptorSupplier, io.grpc.protobuf.ProtoServiceDescriptorSupplier {
    AgreementServiceBaseDescriptorSupplier() {}

    @java.lang.Override
    public com.google.protobuf.Descriptors.FileDescriptor getFileDescriptor() {
      return gov.steward.agreement.v1.AgreementProto.getDescriptor();
    }

    @java.lang.Override
    public com.google.protobuf.Descriptors.ServiceDescriptor getServiceDescriptor() {
      return getFileDescriptor().findServiceByName("AgreementService");
    }
  }

  private static final class AgreementServiceFileDescriptorSupplier
      extends AgreementServiceBaseDescriptorSupplier {
    AgreementServiceFileDescriptorSupplier() {}
  }

  private static final class AgreementServiceMethodDescriptorSupplier
      extends AgreementServiceBaseDescriptorSupplier
      implements io.grpc.protobuf.ProtoMethodDescriptorSupplier {
    private final java.lang.String methodName;

    AgreementServiceMethodDescriptorSupplier(java.lang.String methodName) {
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
      synchronized (AgreementServiceGrpc.class) {
        result = serviceDescriptor;
        if (result == null) {
          serviceDescriptor = result = io.grpc.ServiceDescriptor.newBuilder(SERVICE_NAME)
              .setSchemaDescriptor(new AgreementServiceFileDescriptorSupplier())
              .addMethod(getGetAgreementMethod())
              .addMethod(getListAgreementsMethod())
              .addMethod(getSignAgreementMethod())
              .addMethod(getApprovePlanMethod())
              .build();
        }
      }
    }
    return result;
  }
}
